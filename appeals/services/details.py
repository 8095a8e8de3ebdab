"""Writes of an application's details and its forwarding to the relevant review body."""

import datetime as dt

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction

from appeals import rules
from appeals.models import Applicant, Application, ReviewBody, Status
from appeals.services.common import (
    DETAIL_FIELDS,
    check_details,
    derive,
    locked_for_update,
    long_date,
    save,
)
from appeals.services.messages import (
    ALREADY_FORWARDED,
    APPLICANT_NOT_ENTITLED,
    FORWARD_AFTER_JUDGED,
    FORWARD_NOT_NEEDED,
    FORWARDED_BEFORE_RECEIVED,
    FORWARDED_IN_FUTURE,
    FORWARDED_ON_REQUIRED,
    FORWARDED_TO_REQUIRED,
    KIND_FIXED_AFTER_DECISION,
    KIND_WITH_ARTICLE,
    NOW_LATE_BUT_ACCEPTED,
    RECEIVED_AFTER_JUDGED,
    REVIEW_BODY_FIXED,
)
from oversight.core.models import User
from oversight.core.references import next_reference


def application_update(
    *, actor: User, application: Application, version: int, today: dt.date, **fields
) -> Application:
    """Edit an application's details, re-deriving what follows from them.

    Refused if someone else saved it first, or if the change would contradict a judgement
    or decision already made. If the kind changes before a decision, the application gets
    a reference with the new prefix (the old one stays in the history).
    """
    unknown = set(fields) - DETAIL_FIELDS
    if unknown:
        raise ValueError(f"application_update cannot change {sorted(unknown)}")
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = locked_for_update(application, version)
        old_kind, old_body = locked.kind, locked.review_body
        for name, value in fields.items():
            setattr(locked, name, value)
        derive(locked)
        errors = check_details(locked, today=today)
        if locked.status == Status.DECIDED and locked.kind != old_kind:
            errors.setdefault(
                "complaint_made_on",
                KIND_FIXED_AFTER_DECISION.format(kind=KIND_WITH_ARTICLE[old_kind]),
            )
        if locked.status != Status.RECEIVED and locked.review_body != old_body:
            done = "forwarded" if locked.status == Status.FORWARDED else "judged"
            errors.setdefault(
                "__all__",
                REVIEW_BODY_FIXED.format(
                    done=done, body=ReviewBody(locked.review_body).label.lower()
                ),
            )
        if locked.is_valid:
            if not locked.made_in_time and not locked.special_circumstances.strip():
                errors.setdefault("received_on", NOW_LATE_BUT_ACCEPTED)
            if locked.applicant == Applicant.SOMEONE_ELSE:
                errors.setdefault("applicant", APPLICANT_NOT_ENTITLED)
        for day in (locked.judged_on, locked.forwarded_on, locked.decided_on):
            if day is not None and locked.received_on > day:
                errors.setdefault(
                    "received_on", RECEIVED_AFTER_JUDGED.format(judged=long_date(day))
                )
        if errors:
            raise ValidationError(errors)
        if locked.kind != old_kind:
            locked.reference = next_reference(
                prefix=rules.reference_prefix(locked.kind), year=locked.received_on.year
            )
        save(locked, actor)
    return locked


def application_forward(
    *,
    actor: User,
    application: Application,
    forwarded_to: str,
    forwarded_on: dt.date | None,
    today: dt.date,
    version: int | None = None,
) -> Application:
    """Record that an application made to the wrong body was forwarded (never rejected)."""
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = locked_for_update(application, version)
        record_forwarding(locked, actor=actor, to=forwarded_to, on=forwarded_on, today=today)
    return locked


def record_forwarding(
    application: Application, *, actor: User, to: str, on: dt.date | None, today: dt.date
) -> None:
    """Forward a locked application; the public application_forward locks it first."""
    if application.status == Status.FORWARDED:
        raise ValidationError(
            ALREADY_FORWARDED.format(
                to=application.forwarded_to, on=long_date(application.forwarded_on)
            )
        )
    if application.review_body == ReviewBody.OVERSIGHT_BODY:
        raise ValidationError(FORWARD_NOT_NEEDED)
    if application.status != Status.RECEIVED:
        raise ValidationError(FORWARD_AFTER_JUDGED)
    errors = {}
    if not (to or "").strip():
        errors["forwarded_to"] = FORWARDED_TO_REQUIRED
    if on is None:
        errors["forwarded_on"] = FORWARDED_ON_REQUIRED
    elif on > today:
        errors["forwarded_on"] = FORWARDED_IN_FUTURE
    elif on < application.received_on:
        errors["forwarded_on"] = FORWARDED_BEFORE_RECEIVED
    if errors:
        raise ValidationError(errors)
    application.forwarded_to = to.strip()
    application.forwarded_on = on
    application.status = Status.FORWARDED
    save(application, actor)
