"""Helpers shared by the application services: locking, saving, deriving, checking details."""

import datetime as dt

from appeals import rules
from appeals.models import REVIEW_BODY_CRITERIA, Applicant, Application, Subject
from appeals.services.messages import (
    NON_RECORDING_NOT_REVIEWABLE,
    NOTIFIED_BEFORE_COMPLAINT,
    RECEIVED_BEFORE_NOTIFIED,
    RECEIVED_IN_FUTURE,
    UNKNOWN_CHOICE,
)
from oversight.core.errors import ConflictError
from oversight.core.models import User

DETAIL_FIELDS = frozenset(
    {
        "organisation",
        "force_reference",
        "complaint_made_on",
        "outcome_notified_on",
        "received_on",
        "applicant",
        "subject",
        "summary",
        *REVIEW_BODY_CRITERIA,
    }
)


def long_date(day: dt.date) -> str:
    """A date as pages write it: 3 June 2024."""
    return f"{day:%-d %B %Y}"


def check_details(application: Application, *, today: dt.date) -> dict[str, str]:
    """The intake rules: dates in order and not in the future, the subject fits the kind."""
    errors = {}
    if application.received_on > today:
        errors["received_on"] = RECEIVED_IN_FUTURE
    elif application.received_on < application.outcome_notified_on:
        errors["received_on"] = RECEIVED_BEFORE_NOTIFIED
    if application.outcome_notified_on < application.complaint_made_on:
        errors["outcome_notified_on"] = NOTIFIED_BEFORE_COMPLAINT
    if application.applicant not in Applicant.values:
        errors["applicant"] = UNKNOWN_CHOICE.format(value=application.applicant)
    if application.subject not in Subject.values:
        errors["subject"] = UNKNOWN_CHOICE.format(value=application.subject)
    elif not rules.subject_allowed(application.subject, application.kind):
        errors["subject"] = NON_RECORDING_NOT_REVIEWABLE
    return errors


def derive(application: Application) -> None:
    """Set the derived fields from the dates and criteria, by the rules."""
    application.kind = rules.application_kind(application.complaint_made_on)
    application.apply_by = rules.apply_by(application.outcome_notified_on)
    application.review_body = rules.relevant_review_body(
        kind=application.kind,
        **{name: getattr(application, name) for name in REVIEW_BODY_CRITERIA},
    )


def locked_for_update(application: Application, version: int | None) -> Application:
    """The row, locked until the transaction ends; ConflictError if the version moved on."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if version is not None and locked.version != version:
        raise ConflictError()
    return locked


def save(application: Application, actor: User) -> None:
    """Save as the actor, moving the version on (optimistic locking)."""
    application.updated_by = actor
    application.version += 1
    application.save()
