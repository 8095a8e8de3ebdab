"""Reads of referrals: querysets with their joins, one place per use, and the SQL twins of the
referral rules (checked against cases.referrals.rules by parity tests)."""

import datetime as dt

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404

from cases.models import Determination, Referral, ReferralStatus
from oversight.core.casework.models import Contact, Party
from oversight.core.history import HistoryEntry, history_of


def decided_within_target_q() -> Q:
    """SQL twin of rules.decided_within_target: the first decision on or before the due date."""
    return Q(decided_on__isnull=False, decided_on__lte=F("decision_due_on"))


def decision_overdue_q(today: dt.date) -> Q:
    """SQL twin of rules.is_decision_overdue: undecided, and the due date has passed (the
    status says undecided; the constraint referral_decided_has_mode keeps it true)."""
    return Q(status=ReferralStatus.AWAITING_DECISION, decision_due_on__lt=today)


def referral_list(*, user) -> QuerySet[Referral]:
    """Referrals the user may see, with the force joined in (one query per page)."""
    return Referral.objects.for_user(user).select_related("organisation", "owner")


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
    """Who changed what on the referral, its determinations, people and contacts, oldest
    first."""
    return history_of(referral, Referral, Determination, Party, Contact)
