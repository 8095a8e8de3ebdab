"""Validity judgements and decisions on applications."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError

from appeals import rules
from appeals.models import Application, FollowUp, InvalidReason, Result, ReviewBody, Status
from appeals.services import messages
from appeals.services.common import refuse_if_forwarded
from oversight.core.formatting import long_date
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version


def application_judge(
    *,
    actor: User,
    application: Application,
    is_valid: bool | None,
    judged_on: dt.date | None,
    today: dt.date,
    invalid_reason: str = "",
    special_circumstances: str = "",
    validity_notes: str = "",
    version: int | None = None,
) -> Application:
    """Judge an application valid or invalid (with a reason); a late one is accepted only
    for special circumstances, recorded. It may be judged again until it is decided."""
    with attributed(actor):
        locked = lock_for_update(application, version=version)
        _application_judge_locked(
            locked,
            actor=actor,
            is_valid=is_valid,
            invalid_reason=invalid_reason,
            special_circumstances=special_circumstances,
            validity_notes=validity_notes,
            judged_on=judged_on,
            today=today,
        )
    return locked


def _application_judge_locked(
    application: Application,
    *,
    actor: User,
    is_valid: bool | None,
    invalid_reason: str,
    special_circumstances: str,
    validity_notes: str,
    judged_on: dt.date | None,
    today: dt.date,
) -> None:
    """Judge a locked application; the public application_judge locks it first."""
    if application.status == Status.DECIDED:
        raise ValidationError(messages.JUDGED_AFTER_DECISION)
    refuse_if_forwarded(application)
    if application.review_body != ReviewBody.OVERSIGHT_BODY:
        raise ValidationError(
            messages.NOT_OUR_APPLICATION.format(
                body=ReviewBody(application.review_body).label.lower()
            )
        )
    errors = FieldErrors(today)
    if is_valid is None:
        errors["is_valid"] = messages.VALIDITY_REQUIRED
    else:
        problems = rules.validity_problems(
            is_valid=is_valid,
            invalid_reason=invalid_reason,
            in_time=application.made_in_time,
            special_circumstances=special_circumstances,
            applicant=application.applicant,
        )
        errors.update(
            {field: messages.VALIDITY_MESSAGES[code] for field, code in problems.items()}
        )
    if invalid_reason and invalid_reason not in InvalidReason.values:
        errors["invalid_reason"] = messages.UNKNOWN_CHOICE.format(value=invalid_reason)
    elif (
        is_valid is False and invalid_reason == InvalidReason.OTHER and not validity_notes.strip()
    ):
        errors["validity_notes"] = messages.OTHER_REASON_NEEDS_NOTES
    errors.check_date("judged_on", judged_on, messages.JUDGED_ON, earliest=application.received_on)
    errors.raise_if_any()
    application.is_valid = is_valid
    application.invalid_reason = "" if is_valid else invalid_reason
    # Special circumstances only matter (and are only kept) for a late one accepted.
    application.special_circumstances = (
        special_circumstances.strip() if is_valid and not application.made_in_time else ""
    )
    application.validity_notes = validity_notes.strip()
    application.judged_on = judged_on
    application.judged_by = actor
    application.status = Status.VALID if is_valid else Status.INVALID
    save_new_version(application, actor=actor)


def application_decide(
    *,
    actor: User,
    application: Application,
    result: str,
    decided_on: dt.date | None,
    today: dt.date,
    follow_up: Sequence[str] = (),
    decision_reasons: str = "",
    version: int | None = None,
) -> Application:
    """Decide a valid application, once: upheld (for a review, the outcome was not
    reasonable and proportionate) with the follow-up directed, or not upheld."""
    with attributed(actor):
        locked = lock_for_update(application, version=version)
        _application_decide_locked(
            locked,
            actor=actor,
            result=result,
            decided_on=decided_on,
            follow_up=follow_up,
            decision_reasons=decision_reasons,
            today=today,
        )
    return locked


def _application_decide_locked(
    application: Application,
    *,
    actor: User,
    result: str,
    decided_on: dt.date | None,
    follow_up: Sequence[str],
    decision_reasons: str,
    today: dt.date,
) -> None:
    """Decide a locked, valid application; the public application_decide locks it first."""
    if application.status == Status.DECIDED:
        raise ValidationError(
            messages.ALREADY_DECIDED.format(decided=long_date(application.decided_on))
        )
    if application.status == Status.INVALID:
        raise ValidationError(messages.DECIDE_INVALID)
    refuse_if_forwarded(application)
    if application.status != Status.VALID:
        raise ValidationError(messages.NOT_JUDGED)
    follow_up = sorted(set(follow_up or ()))
    errors = FieldErrors(today)
    if not result:
        errors["result"] = messages.RESULT_REQUIRED
    elif result not in Result.values:
        errors["result"] = messages.UNKNOWN_CHOICE.format(value=result)
    elif result == Result.UPHELD and not follow_up:
        errors["follow_up"] = messages.FOLLOW_UP_REQUIRED
    elif result != Result.UPHELD and follow_up:
        errors["follow_up"] = messages.FOLLOW_UP_ONLY_WHEN_UPHELD
    unknown = [value for value in follow_up if value not in FollowUp.values]
    if unknown:
        errors["follow_up"] = messages.UNKNOWN_CHOICE.format(value=unknown[0])
    errors.check_date(
        "decided_on", decided_on, messages.DECIDED_ON, earliest=application.judged_on
    )
    errors.raise_if_any()
    application.result = result
    application.decided_on = decided_on
    application.follow_up = follow_up
    application.decision_reasons = decision_reasons.strip()
    application.decided_by = actor
    application.status = Status.DECIDED
    save_new_version(application, actor=actor)
