"""Reads of the worklist: the duties owed on the cases of some owners (or on unallocated
ones), each kind of duty in one query, so the count of queries never grows with the cases."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q

from appeals.models import Application, Status
from cases.models import Investigation, Referral, ReferralStatus
from learning import selectors as learning_selectors
from learning.models import Recommendation, RecommendationResponse
from oversight.core.selectors import casework_staff_for_choice
from oversight.work import rules

# The staff page of each kind of case.
DETAIL_URL_NAMES = {
    rules.REFERRAL: "cases:referral-detail",
    rules.INVESTIGATION: "investigations:investigation-detail",
    rules.APPLICATION: "appeals:application-detail",
    rules.RECOMMENDATION: "learning:recommendation-detail",
}


@dataclass(frozen=True)
class WorkItem:
    reference: str
    kind: str
    duty: str
    due_on: dt.date
    overdue: bool
    summary: str
    owner: str | None


def _owned(prefix: str, owner_ids: Iterable[int] | None, unallocated: bool) -> Q:
    """Cases of these owners (None: anyone's), or only the unallocated ones."""
    if unallocated:
        return Q(**{f"{prefix}owner__isnull": True})
    if owner_ids is None:
        return Q()
    return Q(**{f"{prefix}owner_id__in": list(owner_ids)})


def work_items(
    *, today: dt.date, owner_ids: Iterable[int] | None = None, unallocated: bool = False
) -> list[WorkItem]:
    """Every duty on the chosen cases, soonest first (then by reference)."""
    owner_ids = None if owner_ids is None else list(owner_ids)
    rows = []
    for reference, due_on, organisation, owner in Referral.objects.filter(
        _owned("", owner_ids, unallocated), status=ReferralStatus.AWAITING_DECISION
    ).values_list("reference", "decision_due_on", "organisation__name", "owner__username"):
        rows.append((reference, rules.REFERRAL, rules.MODE_DECISION, due_on, organisation, owner))
    for reference, due_on, organisation, owner in (
        Investigation.objects.open()
        .filter(_owned("", owner_ids, unallocated), next_notice_due_on__isnull=False)
        .values_list(
            "reference", "next_notice_due_on", "referral__organisation__name", "owner__username"
        )
    ):
        duty = rules.STATUTORY_NOTICE
        rows.append((reference, rules.INVESTIGATION, duty, due_on, organisation, owner))
    for reference, due_on, recipient, owner in Recommendation.objects.filter(
        _owned("", owner_ids, unallocated), learning_selectors.overdue_q(today)
    ).values_list("reference", "response_due_on", "recipient__name", "owner__username"):
        duty = rules.RESPONSE_OVERDUE
        rows.append((reference, rules.RECOMMENDATION, duty, due_on, recipient, owner))
    for reference, due_on, recipient, owner in RecommendationResponse.objects.filter(
        _owned("recommendation__", owner_ids, unallocated),
        publish_by__isnull=False,
        published_on__isnull=True,
    ).values_list(
        "recommendation__reference",
        "publish_by",
        "recommendation__recipient__name",
        "recommendation__owner__username",
    ):
        rows.append((reference, rules.RECOMMENDATION, rules.PUBLICATION, due_on, recipient, owner))
    items = [
        WorkItem(
            reference=reference,
            kind=kind,
            duty=duty,
            due_on=due_on,
            overdue=rules.is_overdue(due_on, today),
            summary=f"{rules.DUTIES[duty]} ({organisation})"
            if organisation
            else rules.DUTIES[duty],
            owner=owner,
        )
        for reference, kind, duty, due_on, organisation, owner in rows
    ]
    return sorted(items, key=lambda item: (item.due_on, item.reference, item.duty))


def work_counts(items: list[WorkItem], *, today: dt.date) -> dict[str, int]:
    """How many duties in all, overdue, and due by the end of this week (not yet overdue)."""
    week = rules.end_of_week(today)
    return {
        "count": len(items),
        "overdue": sum(item.overdue for item in items),
        "due_this_week": sum(
            not item.overdue and rules.due_within(item.due_on, week) for item in items
        ),
    }


@dataclass(frozen=True)
class Caseload:
    username: str
    name: str
    open_cases: int
    overdue: int


def _open_cases_by_owner() -> dict[int | None, int]:
    """Open cases per owner (None: unallocated): four grouped counts."""
    counts: dict[int | None, int] = {}
    open_sets = [
        Referral.objects.filter(status=ReferralStatus.AWAITING_DECISION),
        Investigation.objects.open(),
        Application.objects.filter(status__in=[Status.RECEIVED, Status.VALID]),
        Recommendation.objects.filter(status="issued"),
    ]
    for queryset in open_sets:
        for row in queryset.values("owner_id").annotate(n=Count("id")).order_by():
            counts[row["owner_id"]] = counts.get(row["owner_id"], 0) + row["n"]
    return counts


def caseloads(*, today: dt.date) -> tuple[list[Caseload], int, int]:
    """Each active member of staff's open cases and overdue duties (most overdue first), and
    the unallocated queue's open cases and overdue duties."""
    open_cases = _open_cases_by_owner()
    overdue: dict[str | None, int] = {}
    for item in work_items(today=today):
        if item.overdue:
            overdue[item.owner] = overdue.get(item.owner, 0) + 1
    rows = [
        Caseload(
            username=user.username,
            name=user.display_name,
            open_cases=open_cases.get(user.pk, 0),
            overdue=overdue.get(user.username, 0),
        )
        for user in casework_staff_for_choice()
    ]
    rows.sort(key=lambda row: (-row.overdue, -row.open_cases, row.name))
    return rows, open_cases.get(None, 0), overdue.get(None, 0)
