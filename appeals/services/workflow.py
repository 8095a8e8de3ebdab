"""Writes that take several steps at once: recording an application together with its
forwarding, validity judgement and decision (as when loading past cases), and an edit that
forwards, judges or decides as the API request asks. All or nothing."""

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from appeals import rules
from appeals.models import Applicant, Application
from appeals.services.common import check_details, derive
from appeals.services.decisions import (
    _application_decide_locked,
    _application_judge_locked,
    application_decide,
    application_judge,
)
from appeals.services.details import (
    _application_forward_locked,
    application_forward,
    application_update,
)
from oversight.core.models import Organisation, User
from oversight.core.services import reference_allocate
from oversight.core.writes import attributed, lock_for_update


def application_create(
    *,
    actor: User,
    organisation: Organisation,
    complaint_made_on: dt.date,
    outcome_notified_on: dt.date,
    received_on: dt.date,
    subject: str,
    today: dt.date,
    applicant: str = Applicant.COMPLAINANT,
    force_reference: str = "",
    summary: str = "",
    about_senior_officer: bool = False,
    referred_or_should_have_been: bool = False,
    could_justify_proceedings: bool = False,
    engages_article_2_or_3: bool = False,
    same_incident: bool = False,
    treated_as_referred: bool = False,
    regime_reason: str = "",
    first_received_on: dt.date | None = None,
    first_received_by: Organisation | None = None,
    forwarded_to: Organisation | None = None,
    forwarded_on: dt.date | None = None,
    is_valid: bool | None = None,
    invalid_reason: str = "",
    special_circumstances: str = "",
    validity_notes: str = "",
    judged_on: dt.date | None = None,
    decided_on: dt.date | None = None,
    result: str = "",
    follow_up: Sequence[str] = (),
    decision_reasons: str = "",
) -> Application:
    """Record an application with its derived kind, reference, deadline and review body.

    One first made to another body (a local policing body or the force) and forwarded here
    records that body and the day it received it: the time limit counts to that day.

    A forwarding, a validity judgement and a decision may be recorded at the same time
    (for example when loading past cases); all or nothing is saved.
    """
    application = Application(
        organisation=organisation,
        force_reference=force_reference,
        complaint_made_on=complaint_made_on,
        outcome_notified_on=outcome_notified_on,
        received_on=received_on,
        first_received_on=first_received_on,
        first_received_by=first_received_by,
        applicant=applicant,
        subject=subject,
        summary=summary,
        about_senior_officer=about_senior_officer,
        referred_or_should_have_been=referred_or_should_have_been,
        could_justify_proceedings=could_justify_proceedings,
        engages_article_2_or_3=engages_article_2_or_3,
        same_incident=same_incident,
        treated_as_referred=treated_as_referred,
        regime_reason=regime_reason,
        created_by=actor,
        updated_by=actor,
    )
    derive(application)
    errors = check_details(application, today=today)
    errors.raise_if_any()
    with attributed(actor):
        application.reference = reference_allocate(
            prefix=rules.reference_prefix(application.kind), year=received_on.year
        )
        application.save()
        if forwarded_to is not None or forwarded_on:
            _application_forward_locked(
                application, actor=actor, to=forwarded_to, on=forwarded_on, today=today
            )
        if is_valid is not None or invalid_reason:
            _application_judge_locked(
                application,
                actor=actor,
                is_valid=is_valid,
                invalid_reason=invalid_reason,
                special_circumstances=special_circumstances,
                validity_notes=validity_notes,
                judged_on=judged_on or decided_on or today,
                today=today,
            )
        if decided_on or result:
            _application_decide_locked(
                application,
                actor=actor,
                result=result,
                decided_on=decided_on,
                follow_up=follow_up,
                decision_reasons=decision_reasons,
                today=today,
            )
    return application


def application_revise(
    *,
    actor: User,
    application: Application,
    version: int,
    today: dt.date,
    changes: dict,
    forward: dict | None = None,
    judgement: dict | None = None,
    decision: dict | None = None,
) -> Application:
    """Edit details, then forward, judge or decide, as the request asks: all or nothing."""
    with transaction.atomic():
        locked = lock_for_update(application, version=version)
        if changes:
            locked = application_update(
                actor=actor, application=locked, version=version, today=today, **changes
            )
        decided_on = (decision or {}).get("decided_on")
        steps = [
            (application_forward, forward, {"forwarded_to": None, "forwarded_on": None}),
            (application_judge, judgement, {"judged_on": decided_on or today}),
            (application_decide, decision, {"decided_on": today}),
        ]
        for step, fields, defaults in steps:
            if fields:
                locked = step(
                    actor=actor,
                    application=locked,
                    today=today,
                    version=locked.version,
                    **{**defaults, **fields},
                )
    return locked
