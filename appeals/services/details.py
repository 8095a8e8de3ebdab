"""Writes of an application's details and its forwarding to the relevant review body."""

import datetime as dt

from django.core.exceptions import ValidationError

from appeals import rules
from appeals.models import Applicant, Application, ReviewBody, Status
from appeals.services import messages
from appeals.services.common import DETAIL_FIELDS, check_details, derive, refuse_if_forwarded
from oversight.core.models import Organisation, User
from oversight.core.services import reference_allocate
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version, set_fields


def application_update(
    *, actor: User, application: Application, version: int, today: dt.date, **fields
) -> Application:
    """Edit an application's details, re-deriving what follows from them.

    Refused if someone else saved it first, or if the change would contradict a judgement
    or decision already made. If the kind changes before a decision, the application gets
    a reference with the new prefix (the old one stays in the history).
    """
    with attributed(actor):
        locked = lock_for_update(application, version=version)
        old_kind, old_body = locked.kind, locked.review_body
        set_fields(locked, fields, allowed=DETAIL_FIELDS)
        derive(locked)
        errors = check_details(locked, today=today)
        if locked.status == Status.DECIDED and locked.kind != old_kind:
            errors.setdefault(
                "complaint_made_on",
                messages.KIND_FIXED_AFTER_DECISION.format(
                    kind=messages.KIND_WITH_ARTICLE[old_kind]
                ),
            )
        if locked.status != Status.RECEIVED and locked.review_body != old_body:
            done = "forwarded" if locked.status == Status.FORWARDED else "judged"
            errors.setdefault(
                "__all__",
                messages.REVIEW_BODY_FIXED.format(
                    done=done, body=ReviewBody(locked.review_body).label.lower()
                ),
            )
        if locked.is_valid:
            if not locked.made_in_time and not locked.special_circumstances.strip():
                errors.setdefault("received_on", messages.NOW_LATE_BUT_ACCEPTED)
            if locked.applicant == Applicant.SOMEONE_ELSE:
                errors.setdefault("applicant", messages.APPLICANT_NOT_ENTITLED)
        for day in (locked.judged_on, locked.forwarded_on, locked.decided_on):
            errors.check_date("received_on", locked.received_on, messages.RECEIVED_ON, latest=day)
        errors.raise_if_any()
        if locked.kind != old_kind:
            locked.reference = reference_allocate(
                prefix=rules.reference_prefix(locked.kind), year=locked.received_on.year
            )
        save_new_version(locked, actor=actor)
    return locked


def application_forward(
    *,
    actor: User,
    application: Application,
    forwarded_to: Organisation | None,
    forwarded_on: dt.date | None,
    today: dt.date,
    version: int | None = None,
) -> Application:
    """Record that an application made to the wrong body was forwarded to the relevant
    review body (never rejected): the force's local policing body, or for an appeal before
    2020 the force's chief officer."""
    with attributed(actor):
        locked = lock_for_update(application, version=version)
        _application_forward_locked(
            locked, actor=actor, to=forwarded_to, on=forwarded_on, today=today
        )
    return locked


def _application_forward_locked(
    application: Application,
    *,
    actor: User,
    to: Organisation | None,
    on: dt.date | None,
    today: dt.date,
) -> None:
    """Forward a locked application; the public application_forward locks it first."""
    refuse_if_forwarded(application)
    if application.review_body == ReviewBody.OVERSIGHT_BODY:
        raise ValidationError(messages.FORWARD_NOT_NEEDED)
    if application.status != Status.RECEIVED:
        raise ValidationError(messages.FORWARD_AFTER_JUDGED)
    errors = FieldErrors(today)
    if to is None:
        errors["forwarded_to"] = messages.FORWARDED_TO_REQUIRED
    else:
        force = application.organisation
        problem = rules.forwarding_problem(
            review_body=application.review_body,
            to_id=to.pk,
            to_is_local_policing_body=to.is_local_policing_body,
            force_id=force.pk,
            force_local_policing_body_id=force.local_policing_body_id,
        )
        if problem:
            errors["forwarded_to"] = messages.FORWARDING_MESSAGES[problem].format(
                force=force.name,
                body=force.local_policing_body.name if force.local_policing_body_id else "",
            )
    errors.check_date("forwarded_on", on, messages.FORWARDED_ON, earliest=application.received_on)
    errors.raise_if_any()
    application.forwarded_to = to
    application.forwarded_to_text = ""
    application.forwarded_on = on
    application.status = Status.FORWARDED
    save_new_version(application, actor=actor)
