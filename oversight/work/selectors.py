"""Reads of the worklist: the duties owed on the cases of some owners (or on unallocated
ones), each kind of duty in one query, so the count of queries never grows with the cases."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q

from appeals import rules as application_rules
from appeals.models import Application
from cases.investigations import rules as investigation_rules
from cases.investigations import selectors as investigation_selectors
from cases.models import Investigation, Referral, ReferralStatus
from learning import selectors as learning_selectors
from learning.models import Recommendation, RecommendationResponse
from oversight.core.selectors import casework_staff_for_choice, closed_days_from
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
    for reference, due_on, organisation, owner in (
        Investigation.objects.open()
        .filter(_owned("", owner_ids, unallocated))
        .annotate(update_due_on=investigation_selectors.next_update_due_on_expression())
        .order_by()  # sorted below; and no SQL filter on the subquery, which PostgreSQL
        # would then plan several times slower: those with no one to tell are skipped here
        .values_list(
            "reference", "update_due_on", "referral__organisation__name", "owner__username"
        )
    ):
        if due_on is None:
            continue
        duty = rules.PROGRESS_UPDATE
        rows.append((reference, rules.INVESTIGATION, duty, due_on, organisation, owner))
    rows.extend(_outcome_notices(owner_ids, unallocated))
    for reference, received_on, organisation, owner in (
        Application.objects.undecided()
        .filter(_owned("", owner_ids, unallocated))
        .values_list("reference", "received_on", "organisation__name", "owner__username")
    ):
        due_on = application_rules.decision_target_on(
            received_on, settings.APPLICATION_DECISION_TARGET_DAYS
        )
        duty = rules.APPLICATION_DECISION
        rows.append((reference, rules.APPLICATION, duty, due_on, organisation, owner))
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


def work_for(*, viewer, today: dt.date, owner=None, unallocated: bool = False) -> list[WorkItem]:
    """The work a member of staff asks for: their own, or (a manager) another person's or the
    unallocated queue; PermissionDenied (403) for anything else."""
    owner = owner or viewer
    if not rules.may_see(
        is_manager=viewer.is_manager, is_self=owner == viewer, unallocated=unallocated
    ):
        raise PermissionDenied(rules.ONLY_MANAGERS)
    return work_items(
        today=today, owner_ids=None if unallocated else [owner.pk], unallocated=unallocated
    )


def _outcome_notices(owner_ids, unallocated: bool) -> list[tuple]:
    """Completed investigations with someone not yet told the outcome: due within the
    configured working days of completion (reg. 34(2)(b)). One query for the cases, one for
    the closures around their completion dates."""
    completed = list(
        Investigation.objects.filter(
            _owned("", owner_ids, unallocated), investigation_selectors.outcome_untold_q()
        ).values_list(
            "reference", "completed_on", "referral__organisation__name", "owner__username"
        )
    )
    if not completed:
        return []
    dates = [completed_on for _, completed_on, _, _ in completed]
    closed = closed_days_from(min(dates), until=max(dates))
    return [
        (
            reference,
            rules.INVESTIGATION,
            rules.OUTCOME_NOTICE,
            investigation_rules.outcome_notice_due_on(
                completed_on, closed, settings.OUTCOME_NOTICE_WORKING_DAYS
            ),
            organisation,
            owner,
        )
        for reference, completed_on, organisation, owner in completed
    ]


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
        Application.objects.undecided(),
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
