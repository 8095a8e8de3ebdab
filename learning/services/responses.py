"""The recipient's responses, and their publication."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError

from learning import rules
from learning.models import (
    PlannedAction,
    PublicationDecision,
    ReceivedVia,
    Recommendation,
    RecommendationResponse,
)
from learning.services import messages
from learning.services.common import lock
from oversight.core.formatting import long_date
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, save_new_version


def _current_response(recommendation: Recommendation) -> RecommendationResponse | None:
    return recommendation.responses.order_by("-received_on", "-id").first()


def recommendation_respond(
    *,
    actor: User,
    recommendation: Recommendation,
    status: str,
    response: str,
    today: dt.date,
    received_via: str,
    responded_on: dt.date | None = None,
    planned_actions: Iterable[Mapping] = (),
    is_final: bool = True,
    representations: str = "",
    version: int | None = None,
    receipt_reason: str = "",
) -> RecommendationResponse:
    """Record the recipient's written response; only an interim response can be followed.

    The day of receipt is today unless staff record an earlier one with a reason
    (rules.receipt_date_fault): a liaison cannot backdate its own response.

    Representations against publication are made with the response (28B(6)): they are kept
    with it and wait for the oversight body's decision (response_decide_publication)."""
    responded_on = responded_on or today
    response = (response or "").strip()
    representations = (representations or "").strip()
    receipt_reason = (receipt_reason or "").strip()
    actions = [
        {"description": (a.get("description") or "").strip(), "due_on": a.get("due_on")}
        for a in planned_actions
    ]
    with attributed(actor):
        locked = lock(recommendation, version)
        if locked.is_draft:
            raise ValidationError(messages.RESPOND_TO_DRAFT)
        previous = _current_response(locked)
        if not rules.can_respond(locked.status, previous.is_final if previous else None):
            raise ValidationError(
                messages.ALREADY_FINAL.format(
                    reference=locked.reference, responded=long_date(locked.responded_on)
                )
            )
        errors = FieldErrors(today)
        if status not in rules.RESPONSE_STATUSES:
            errors["status"] = messages.RESPONSE_STATUS_INVALID.format(value=status)
        if not response:
            errors["response"] = messages.RESPONSE_REQUIRED
        if received_via not in ReceivedVia.values:
            errors["received_via"] = messages.RECEIVED_VIA_INVALID
        previous_on = previous.received_on if previous is not None else None
        errors.check_date(
            "responded_on", responded_on, messages.RESPONDED_ON, earliest=locked.issued_on
        )
        errors.check_date(
            "responded_on", responded_on, messages.RESPONDED_ON_AGAIN, earliest=previous_on
        )
        if "responded_on" not in errors:
            fault = rules.receipt_date_fault(
                received_on=responded_on,
                today=today,
                recorded_by_staff=actor.is_casework_staff,
                reason=receipt_reason,
            )
            if fault == rules.RECEIPT_ONLY_TODAY:
                errors["responded_on"] = messages.RESPONDED_ONLY_TODAY.format(
                    today=long_date(today)
                )
            elif fault == rules.RECEIPT_REASON_NEEDED:
                errors["receipt_reason"] = messages.RECEIPT_REASON_REQUIRED
        if len(actions) > messages.MAX_PLANNED_ACTIONS:
            errors["planned_actions"] = messages.TOO_MANY_ACTIONS
        elif any(not a["description"] for a in actions):
            errors["planned_actions"] = messages.ACTION_REQUIRED
        elif any(a["due_on"] is not None and a["due_on"] < responded_on for a in actions):
            errors["planned_actions"] = messages.ACTION_BEFORE_RESPONSE
        errors.raise_if_any()

        answer = RecommendationResponse.objects.create(
            recommendation=locked,
            status=status,
            text=response,
            received_on=responded_on,
            is_final=is_final,
            received_via=received_via,
            representations=representations,
            receipt_reason=receipt_reason if responded_on < today else "",
            publish_by=rules.publication_due_on(
                responded_on,
                is_statutory=locked.is_statutory,
                kind=locked.kind,
                is_final=is_final,
                representations_made=bool(representations),
            ),
            submitted_by=actor,
        )
        PlannedAction.objects.bulk_create(
            PlannedAction(response=answer, description=a["description"], due_on=a["due_on"])
            for a in actions
        )
        if is_final:
            locked.status = status
            locked.responded_on = responded_on
            locked.response = response
        # An interim reply is recorded but is not the response 28B(2) requires (what action
        # will be taken, or why none): the recommendation stays awaiting its response, and
        # can fall overdue.
        save_new_version(locked, actor=actor)
    return answer


def _lock_response(response: RecommendationResponse) -> RecommendationResponse:
    # Lock the recommendation first, as every other write does, so that writes never deadlock.
    Recommendation.objects.select_for_update().get(pk=response.recommendation_id)
    return RecommendationResponse.objects.select_for_update().get(pk=response.pk)


def response_publish(
    *, actor: User, response: RecommendationResponse, published_on: dt.date, today: dt.date
) -> RecommendationResponse:
    """Record that a response was published (the public feed shows only published ones)."""
    with attributed(actor):
        locked = _lock_response(response)
        if locked.published_on is not None:
            raise ValidationError(
                messages.ALREADY_PUBLISHED.format(published=long_date(locked.published_on))
            )
        if not locked.is_final:
            raise ValidationError(messages.NOT_THE_RESPONSE)
        if locked.awaits_publication_decision:
            raise ValidationError(messages.PUBLICATION_NOT_DECIDED)
        if locked.publication_decision == PublicationDecision.NOT_PUBLISHED:
            raise ValidationError(
                messages.PUBLICATION_DECIDED_NOT.format(
                    decided=long_date(locked.publication_decided_on)
                )
            )
        errors = FieldErrors(today)
        errors.check_date(
            "published_on", published_on, messages.PUBLISHED_ON, earliest=locked.received_on
        )
        errors.raise_if_any()
        locked.published_on = published_on
        locked.save()
        save_new_version(Recommendation.objects.get(pk=locked.recommendation_id), actor=actor)
    return locked


def response_decide_publication(
    *,
    actor: User,
    response: RecommendationResponse,
    decision: str,
    decided_on: dt.date,
    reasons: str,
    today: dt.date,
    published_text: str = "",
) -> RecommendationResponse:
    """Decide the recipient's representations against publication (28B(7)): publish the
    response in full, in part (the parts given), or not at all, with reasons. Until then the
    representations stand undecided: they do not by themselves remove the duty to publish."""
    reasons = (reasons or "").strip()
    published_text = (published_text or "").strip()
    with attributed(actor):
        locked = _lock_response(response)
        if not locked.representations:
            raise ValidationError(messages.NO_REPRESENTATIONS)
        if locked.publication_decision:
            raise ValidationError(
                messages.ALREADY_DECIDED.format(decided=long_date(locked.publication_decided_on))
            )
        errors = FieldErrors(today)
        if decision not in rules.PUBLICATION_DECISIONS:
            errors["decision"] = messages.DECISION_INVALID
        elif decision == PublicationDecision.IN_PART and not published_text:
            errors["published_text"] = messages.PUBLISHED_TEXT_REQUIRED
        if not reasons:
            errors["reasons"] = messages.DECISION_REASONS_REQUIRED
        errors.check_date(
            "decided_on", decided_on, messages.DECIDED_ON, earliest=locked.received_on
        )
        errors.raise_if_any()
        locked.publication_decision = decision
        locked.publication_decided_on = decided_on
        locked.publication_decided_by = actor
        locked.publication_reasons = reasons
        locked.published_text = published_text if decision == PublicationDecision.IN_PART else ""
        locked.publish_by = rules.publication_due_after_decision(decision, decided_on)
        locked.save()
        save_new_version(Recommendation.objects.get(pk=locked.recommendation_id), actor=actor)
    return locked
