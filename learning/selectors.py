"""Reads of recommendations: querysets with their joins, one place per use, and the SQL twins
of the recommendation rules (checked against learning.rules by parity tests)."""

import datetime as dt

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from appeals.models import Application
from cases.models import Investigation, Theme
from learning import rules
from learning.models import (
    PlannedAction,
    Recommendation,
    RecommendationResponse,
    RecommendationStatus,
    ResponseExtension,
)
from oversight.core.history import HistoryEntry, history_of


def overdue_q(today: dt.date) -> Q:
    """SQL twin of rules.is_overdue: issued, statutory, still unanswered, the (possibly
    extended) due date has passed, and no judicial review proceedings are in progress."""
    return (
        ~Q(status=RecommendationStatus.DRAFT)
        & Q(is_statutory=True, responded_on__isnull=True, response_due_on__lt=today)
        & (Q(judicial_review_started_on__isnull=True) | Q(judicial_review_ended_on__isnull=False))
    )


def responded_q() -> Q:
    """Responded to: accepted, partially accepted, not accepted or implemented."""
    return Q(status__in=rules.RESPONDED_STATUSES)


def accepted_q() -> Q:
    """Counted as accepted: accepted, partially accepted or implemented."""
    return Q(status__in=rules.ACCEPTED_STATUSES)


def overdue_by_recipient(*, today: dt.date) -> list[dict]:
    """Recipients with statutory responses overdue today, the most overdue first: their name,
    code and count. One grouped query over the partial index of awaited responses."""
    return list(
        Recommendation.objects.filter(overdue_q(today))
        .values("recipient__name", "recipient__code")
        .annotate(overdue=Count("id"))
        .order_by("-overdue", "recipient__name")
    )


def _responses_prefetch() -> Prefetch:
    return Prefetch(
        "responses",
        queryset=RecommendationResponse.objects.select_related("submitted_by")
        .prefetch_related(Prefetch("actions", queryset=PlannedAction.objects.order_by("id")))
        .order_by("received_on", "id"),
    )


def recommendation_list(*, user) -> QuerySet[Recommendation]:
    """Recommendations the user may see, with the recipient and theme joined in (one query
    per page)."""
    return Recommendation.objects.for_user(user).select_related("recipient", "theme", "owner")


SUMMARY_COLUMNS = (
    "reference",
    "kind",
    "source_kind",
    "source_reference",
    "theme_text",
    "type",
    "text",
    "is_statutory",
    "status",
    "issued_on",
    "response_due_on",
    "judicial_review_started_on",
    "judicial_review_ended_on",
    "responded_on",
    "response",
    "implemented_on",
    "version",
    "created_at",
    "updated_at",
)


def recommendation_summaries(*, user) -> QuerySet:
    """The recommendations the user may see as plain rows (dicts) for a list: the columns
    learning.serializers.recommendation_summary needs, the recipient's code and name, the
    theme's name and code, and whether the current (latest) response is final (None before
    any response). One query."""
    latest = RecommendationResponse.objects.filter(recommendation=OuterRef("pk")).order_by(
        "-received_on", "-id"
    )
    return Recommendation.objects.for_user(user).values(
        *SUMMARY_COLUMNS,
        recipient_code=F("recipient__code"),
        recipient_name=F("recipient__name"),
        theme_name=F("theme__name"),
        theme_code=F("theme__code"),
        owner_username=F("owner__username"),
        current_response_final=Subquery(latest.values("is_final")[:1]),
    )


def recommendation_list_with_responses(*, user) -> QuerySet[Recommendation]:
    """As recommendation_list, with every response, its planned actions and the extensions."""
    return recommendation_list(user=user).prefetch_related(
        _responses_prefetch(),
        Prefetch(
            "extensions",
            queryset=ResponseExtension.objects.select_related("granted_by").order_by(
                "recorded_at", "id"
            ),
        ),
    )


def recommendation_get(*, user, reference: str) -> Recommendation:
    """One recommendation by reference, or 404 if it does not exist or the user may not see it."""
    recommendation = (
        recommendation_list_with_responses(user=user)
        .select_related("source_investigation", "source_application")  # its page links them
        .filter(reference=reference)
        .first()
    )
    if recommendation is None:
        raise Http404("No recommendation with that reference.")
    return recommendation


def response_get(*, recommendation: Recommendation, pk: int) -> RecommendationResponse:
    """One response to a recommendation the caller has already been allowed to see."""
    response = recommendation.responses.filter(pk=pk).first()
    if response is None:
        raise Http404("No such response.")
    return response


def recommendation_history(*, recommendation: Recommendation) -> list[HistoryEntry]:
    """Who changed what on the recommendation, its responses and extensions, oldest first."""
    return history_of(recommendation, Recommendation, RecommendationResponse, ResponseExtension)


def theme_choices(*, user) -> list[Theme]:
    """The themes a list of recommendations can be filtered by: the active thematic areas,
    and any retired one still on a recommendation the user may see; by name. One query."""
    in_use = Recommendation.objects.for_user(user).filter(theme__isnull=False).values("theme")
    return list(Theme.objects.filter(Q(is_active=True) | Q(pk__in=in_use)).order_by("name"))


def theme_filter_q(value: str) -> Q:
    """Recommendations with the theme named by its code or its name, in any case."""
    value = value.strip()
    return Q(theme__code__iexact=value) | Q(theme__name__iexact=value)


def theme_for_input(value: str) -> Theme | None:
    """The thematic area a caller names by its code or, for compatibility with the free-text
    themes of old, its exact name in any case; None if no theme has that code or name. One
    query. (Whether it may be chosen is the service's check: learning.rules.)"""
    value = value.strip()
    if not value:
        return None
    matches = Theme.objects.filter(Q(code__iexact=value) | Q(name__iexact=value))
    # A code wins over another theme's name spelt the same way.
    return min(matches, key=lambda t: (t.code.casefold() != value.casefold(), t.pk), default=None)


def public_recommendation_list() -> QuerySet[Recommendation]:
    """Issued recommendations with only their published responses: never drafts, never an
    unpublished response (the public feed the Home Affairs Committee asked for)."""
    return (
        Recommendation.objects.issued()
        .select_related("recipient", "theme")
        .prefetch_related(
            Prefetch(
                "responses",
                queryset=RecommendationResponse.objects.filter(published_on__isnull=False)
                .prefetch_related(
                    Prefetch("actions", queryset=PlannedAction.objects.order_by("id"))
                )
                .order_by("received_on", "id"),
                to_attr="published_responses",
            )
        )
    )


def public_recommendation_get(*, reference: str) -> Recommendation:
    recommendation = public_recommendation_list().filter(reference=reference).first()
    if recommendation is None:
        raise Http404("No published recommendation with that reference.")
    return recommendation


def public_theme_choices() -> list[Theme]:
    """The themes the public feed can be filtered by: the active thematic areas, and any
    retired one still on an issued recommendation; by name. One query."""
    in_use = Recommendation.objects.issued().filter(theme__isnull=False).values("theme")
    return list(Theme.objects.filter(Q(is_active=True) | Q(pk__in=in_use)).order_by("name"))


SOURCE_MODELS = {rules.INVESTIGATION: Investigation, rules.APPLICATION: Application}


def source_record_get(kind: str, reference: str) -> Investigation | Application | None:
    """The investigation or application of the system a recommendation's source reference
    names, or None if there is none (Schedule 3 para. 28A: a recommendation is made from a
    report or a review/appeal that exists; a made-up reference cannot be its source). One
    query."""
    model = SOURCE_MODELS.get(kind)
    return model.objects.filter(reference=reference).first() if model is not None else None
