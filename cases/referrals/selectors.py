"""Reads of referrals: querysets with their joins, one place per use."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from cases.models import Determination, Referral
from oversight.core.history import HistoryEntry, history_of


def referral_list(*, user) -> QuerySet[Referral]:
    """Referrals the user may see, with the force joined in (one query per page)."""
    return Referral.objects.for_user(user).select_related("organisation")


def referral_list_with_determinations(*, user) -> QuerySet[Referral]:
    """As referral_list, with every determination and its decision-maker prefetched."""
    return referral_list(user=user).prefetch_related(
        Prefetch(
            "determinations",
            queryset=Determination.objects.select_related("decided_by").order_by(
                "decided_on", "id"
            ),
        )
    )


def referral_get(*, user, reference: str) -> Referral:
    """One referral by reference, or 404 if it does not exist or the user may not see it."""
    referral = referral_list_with_determinations(user=user).filter(reference=reference).first()
    if referral is None:
        raise Http404("No referral with that reference.")
    return referral


def referral_history(*, referral: Referral) -> list[HistoryEntry]:
    """Who changed what on the referral and its determinations, oldest first."""
    return history_of(referral, Referral, Determination)
