"""After issue: extending the statutory response period (on request, or by judicial review
proceedings), and recording implementation."""

import datetime as dt

from django.core.exceptions import ValidationError

from learning import rules
from learning.models import Recommendation, RecommendationStatus, ResponseExtension
from learning.services import messages
from learning.services.common import lock
from oversight.core.formatting import long_date
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, save_new_version


def recommendation_extend(
    *,
    actor: User,
    recommendation: Recommendation,
    requested_on: dt.date,
    new_due_on: dt.date,
    today: dt.date,
    reason: str = "",
    version: int | None = None,
) -> ResponseExtension:
    """Extend the statutory response period on a request made before it expired."""
    with attributed(actor):
        locked = lock(recommendation, version)
        _refuse_unless_awaiting_statutory(locked)
        due = locked.response_due_on
        errors = FieldErrors(today)
        errors.check_date(
            "requested_on", requested_on, messages.REQUESTED_ON, earliest=locked.issued_on
        )
        if "requested_on" not in errors and not rules.extension_request_in_time(requested_on, due):
            errors["requested_on"] = messages.EXTENSION_REQUEST_LATE.format(due=long_date(due))
        if new_due_on <= due:
            errors["new_due_on"] = messages.EXTENSION_NOT_LATER.format(due=long_date(due))
        errors.raise_if_any()
        extension = ResponseExtension.objects.create(
            recommendation=locked,
            requested_on=requested_on,
            previous_due_on=due,
            new_due_on=new_due_on,
            reason=reason.strip(),
            granted_by=actor,
        )
        locked.response_due_on = new_due_on
        save_new_version(locked, actor=actor)
    return extension


def _refuse_unless_awaiting_statutory(recommendation: Recommendation) -> None:
    if recommendation.is_draft or not recommendation.is_statutory:
        raise ValidationError(messages.EXTEND_NOT_STATUTORY)
    if not recommendation.paragraph_28b_applies:
        raise ValidationError(messages.NOT_PARAGRAPH_28B)
    if recommendation.status != RecommendationStatus.ISSUED:
        raise ValidationError(messages.EXTEND_NOT_AWAITING)


def recommendation_judicial_review_start(
    *,
    actor: User,
    recommendation: Recommendation,
    started_on: dt.date,
    today: dt.date,
    version: int | None = None,
) -> Recommendation:
    """Record that proceedings for judicial review of the recommendation started within the
    period allowed for the response: while they are in progress it cannot fall overdue, and
    the period is extended by the days they last (28B(4))."""
    with attributed(actor):
        locked = lock(recommendation, version)
        _refuse_unless_awaiting_statutory(locked)
        if locked.judicial_review_started_on is not None:
            raise ValidationError(
                messages.JUDICIAL_REVIEW_ALREADY.format(
                    started=long_date(locked.judicial_review_started_on)
                )
            )
        due = locked.response_due_on
        errors = FieldErrors(today)
        errors.check_date(
            "started_on",
            started_on,
            messages.JUDICIAL_REVIEW_STARTED_ON,
            earliest=locked.issued_on,
        )
        if "started_on" not in errors and not rules.judicial_review_extends_period(
            started_on, due
        ):
            errors["started_on"] = messages.JUDICIAL_REVIEW_TOO_LATE.format(due=long_date(due))
        errors.raise_if_any()
        locked.judicial_review_started_on = started_on
        save_new_version(locked, actor=actor)
    return locked


def recommendation_judicial_review_end(
    *,
    actor: User,
    recommendation: Recommendation,
    ended_on: dt.date,
    today: dt.date,
    version: int | None = None,
) -> Recommendation:
    """Record the end of the proceedings: the response is now due later by the days they were
    in progress (28B(4))."""
    with attributed(actor):
        locked = lock(recommendation, version)
        started = locked.judicial_review_started_on
        if started is None or locked.judicial_review_ended_on is not None:
            raise ValidationError(messages.JUDICIAL_REVIEW_NONE)
        errors = FieldErrors(today)
        errors.check_date(
            "ended_on", ended_on, messages.JUDICIAL_REVIEW_ENDED_ON, earliest=started
        )
        errors.raise_if_any()
        locked.judicial_review_ended_on = ended_on
        if locked.status == RecommendationStatus.ISSUED:
            locked.response_due_on = rules.due_on_after_judicial_review(
                locked.response_due_on, started, ended_on
            )
        save_new_version(locked, actor=actor)
    return locked


def recommendation_implement(
    *,
    actor: User,
    recommendation: Recommendation,
    implemented_on: dt.date,
    evidence: str,
    today: dt.date,
    version: int | None = None,
) -> Recommendation:
    """Mark an accepted or partially accepted recommendation as implemented, with evidence."""
    evidence = (evidence or "").strip()
    with attributed(actor):
        locked = lock(recommendation, version)
        if locked.status not in rules.IMPLEMENTABLE_STATUSES:
            raise ValidationError(messages.NOT_IMPLEMENTABLE)
        errors = FieldErrors(today)
        errors.check_date(
            "implemented_on", implemented_on, messages.IMPLEMENTED_ON, earliest=locked.responded_on
        )
        if not evidence:
            errors["evidence"] = messages.EVIDENCE_REQUIRED
        errors.raise_if_any()
        locked.status = RecommendationStatus.IMPLEMENTED
        locked.implemented_on = implemented_on
        locked.implementation_evidence = evidence
        save_new_version(locked, actor=actor)
    return locked
