"""What the application services share: deriving the kind, deadline and review body, and
checking the details."""

import datetime as dt

from django.core.exceptions import ValidationError

from appeals import rules
from appeals.models import REVIEW_BODY_CRITERIA, Applicant, Application, Status, Subject
from appeals.services import messages
from oversight.core import regime
from oversight.core.formatting import long_date
from oversight.core.regime import RegimeReason
from oversight.core.validation import FieldErrors

DETAIL_FIELDS = frozenset(
    {
        "organisation",
        "force_reference",
        "complaint_made_on",
        "outcome_notified_on",
        "received_on",
        "first_received_on",
        "first_received_by",
        "applicant",
        "subject",
        "summary",
        "regime_reason",
        *REVIEW_BODY_CRITERIA,
    }
)


def check_details(application: Application, *, today: dt.date) -> FieldErrors:
    """The intake rules: dates in order and not in the future, the subject fits the kind."""
    errors = FieldErrors(today)
    errors.check_date(
        "received_on",
        application.received_on,
        messages.RECEIVED_ON,
        earliest=application.outcome_notified_on,
    )
    errors.check_date(
        "outcome_notified_on",
        application.outcome_notified_on,
        messages.OUTCOME_NOTIFIED_ON,
        earliest=application.complaint_made_on,
    )
    check_first_received(application, errors)
    if application.applicant not in Applicant.values:
        errors["applicant"] = messages.UNKNOWN_CHOICE.format(value=application.applicant)
    if application.regime_reason not in ("", *RegimeReason.values):
        errors["regime_reason"] = messages.UNKNOWN_CHOICE.format(value=application.regime_reason)
    elif application.regime_reason and not regime.reason_applies(
        application.complaint_made_on, application.regime_reason
    ):
        errors["regime_reason"] = messages.REGIME_REASON_DOES_NOT_APPLY
    if application.subject not in Subject.values:
        errors["subject"] = messages.UNKNOWN_CHOICE.format(value=application.subject)
    elif not rules.subject_allowed(application.subject, application.kind):
        errors["subject"] = messages.NON_RECORDING_NOT_REVIEWABLE
    return errors


def check_first_received(application: Application, errors: FieldErrors) -> None:
    """An application first made to another body and forwarded here records that body and
    the day it received it, together: a day after it reached us, or before the complainant
    was told the outcome, is a slip (regulation 29(3), paragraph 32(3))."""
    on, by = application.first_received_on, application.first_received_by
    if on is not None and by is None:
        errors["first_received_by"] = messages.FIRST_RECEIVED_BY_REQUIRED
    elif by is not None and not (by.is_force or by.is_local_policing_body):
        errors["first_received_by"] = messages.FIRST_RECEIVED_BY_NOT_POLICING_BODY
    if by is not None and on is None:
        errors["first_received_on"] = messages.FIRST_RECEIVED_ON_REQUIRED
    if on is not None:
        errors.check_date(
            "first_received_on",
            on,
            messages.FIRST_RECEIVED_ON,
            latest=application.received_on,
            earliest=application.outcome_notified_on,
        )


def derive(application: Application) -> None:
    """Set the derived fields from the dates and criteria, by the rules."""
    reason = application.regime_reason
    if reason not in RegimeReason.values or not regime.reason_applies(
        application.complaint_made_on, reason
    ):
        reason = ""  # none, or refused by check_details: derive what the date says meanwhile
    application.regime = regime.regime_of(application.complaint_made_on, reason)
    application.kind = rules.application_kind(application.complaint_made_on, reason)
    application.apply_by = rules.apply_by(application.outcome_notified_on)
    application.review_body = rules.relevant_review_body(
        kind=application.kind,
        subject=application.subject,
        **{name: getattr(application, name) for name in REVIEW_BODY_CRITERIA},
    )


def refuse_if_forwarded(application: Application) -> None:
    """A forwarded application is the other review body's now: nothing more is done here."""
    if application.status == Status.FORWARDED:
        raise ValidationError(
            messages.ALREADY_FORWARDED.format(
                to=application.forwarded_to_label, on=long_date(application.forwarded_on)
            )
        )
