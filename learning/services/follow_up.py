"""After issue: extending the statutory response period, and recording implementation."""

import datetime as dt

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction

from learning import rules
from learning.models import Recommendation, RecommendationStatus, ResponseExtension
from learning.services.common import day, lock, touch
from oversight.core.models import User

EXTEND_NOT_STATUTORY = "Only a statutory recommendation has a response period to extend."
EXTEND_NOT_AWAITING = "The recommendation has been responded to: there is nothing to extend."
EXTENSION_REQUEST_LATE = (
    "The request was made after the response period expired on {due}: "
    "an extension can only be granted on a request made before then."
)
EXTENSION_REQUESTED_IN_FUTURE = "The date of the request cannot be in the future."
EXTENSION_REQUESTED_BEFORE_ISSUE = "The request cannot predate the recommendation's issue."
EXTENSION_NOT_LATER = "The new due date must be after the current one ({due})."
NOT_IMPLEMENTABLE = (
    "Only an accepted or partially accepted recommendation can be marked as implemented."
)
IMPLEMENTED_IN_FUTURE = "The date implemented cannot be in the future."
IMPLEMENTED_BEFORE_RESPONSE = "The date implemented cannot be before the response ({responded})."
EVIDENCE_REQUIRED = "Describe the evidence that the recommendation has been implemented."


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
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = lock(recommendation, version)
        if locked.is_draft or not locked.is_statutory:
            raise ValidationError(EXTEND_NOT_STATUTORY)
        if locked.status != RecommendationStatus.ISSUED:
            raise ValidationError(EXTEND_NOT_AWAITING)
        due = locked.response_due_on
        errors = {}
        if requested_on > today:
            errors["requested_on"] = EXTENSION_REQUESTED_IN_FUTURE
        elif requested_on < locked.issued_on:
            errors["requested_on"] = EXTENSION_REQUESTED_BEFORE_ISSUE
        elif not rules.extension_request_in_time(requested_on, due):
            errors["requested_on"] = EXTENSION_REQUEST_LATE.format(due=day(due))
        if new_due_on <= due:
            errors["new_due_on"] = EXTENSION_NOT_LATER.format(due=day(due))
        if errors:
            raise ValidationError(errors)
        extension = ResponseExtension.objects.create(
            recommendation=locked,
            requested_on=requested_on,
            previous_due_on=due,
            new_due_on=new_due_on,
            reason=reason.strip(),
            granted_by=actor,
        )
        locked.response_due_on = new_due_on
        touch(locked, actor)
    return extension


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
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = lock(recommendation, version)
        if locked.status not in rules.IMPLEMENTABLE_STATUSES:
            raise ValidationError(NOT_IMPLEMENTABLE)
        errors = {}
        if implemented_on > today:
            errors["implemented_on"] = IMPLEMENTED_IN_FUTURE
        elif implemented_on < locked.responded_on:
            errors["implemented_on"] = IMPLEMENTED_BEFORE_RESPONSE.format(
                responded=day(locked.responded_on)
            )
        if not evidence:
            errors["evidence"] = EVIDENCE_REQUIRED
        if errors:
            raise ValidationError(errors)
        locked.status = RecommendationStatus.IMPLEMENTED
        locked.implemented_on = implemented_on
        locked.implementation_evidence = evidence
        touch(locked, actor)
    return locked
