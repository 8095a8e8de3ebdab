"""What each timeliness figure counts, as pure functions over plain rows (no ORM, no clock).

This module is the reference for the figures: it composes the apps' own rules (when a
decision met its target, when an investigation finished within 6 or 12 months, when an
application is upheld, when a response is overdue) and restates none of them. The
production path (aggregates.py) computes the same counts from the apps' SQL twins of those
rules; a parity test runs both on the same rows. The figures themselves are listed in
figures.py.
"""

import dataclasses
import datetime as dt
from collections.abc import Iterable

from appeals import rules as appeal_rules
from cases.investigations import rules as investigation_rules
from cases.referrals import rules as referral_rules
from learning import rules as learning_rules
from oversight.core.calendar import parse_financial_year
from oversight.performance.figures import COUNTS, INVESTIGATION_PARTS, RATES


@dataclasses.dataclass(frozen=True)
class ReferralRow:
    received_on: dt.date
    decided_on: dt.date | None
    decision_due_on: dt.date


@dataclasses.dataclass(frozen=True)
class InvestigationRow:
    started_on: dt.date
    completed_on: dt.date | None
    is_major: bool
    mode: str = ""


@dataclasses.dataclass(frozen=True)
class ApplicationRow:
    received_on: dt.date
    is_valid: bool | None
    decided_on: dt.date | None
    result: str


@dataclasses.dataclass(frozen=True)
class RecommendationRow:
    issued_on: dt.date | None
    status: str
    is_statutory: bool
    responded_on: dt.date | None
    response_due_on: dt.date | None
    judicial_review_pending: bool = False
    kind: str = learning_rules.LEARNING


def rate(numerator: int, denominator: int) -> float | None:
    """A share as a percentage to one decimal place; None when nothing was counted."""
    if not denominator:
        return None
    return round(100 * numerator / denominator, 1)


def with_rates(counts: dict[str, dict[str, int]]) -> dict[str, dict]:
    """The counts of each family plus the rates derived from them."""
    figures = {}
    for family, names in COUNTS.items():
        values = {name: counts.get(family, {}).get(name, 0) for name in names}
        for rate_name, (num, den) in RATES.get(family, {}).items():
            values[rate_name] = rate(values[num], values[den])
        figures[family] = values
    return figures


def _in(day: dt.date | None, first: dt.date, last: dt.date) -> bool:
    return day is not None and first <= day <= last


def referral_counts(rows: Iterable[ReferralRow], financial_year: str) -> dict[str, int]:
    """Received in the year; mode decided in the year; of those, within the target."""
    first, last = parse_financial_year(financial_year)
    counts = dict.fromkeys(COUNTS["referrals"], 0)
    for row in rows:
        counts["received"] += _in(row.received_on, first, last)
        if _in(row.decided_on, first, last):
            counts["decided"] += 1
            counts["decided_within_target"] += referral_rules.decided_within_target(
                row.decided_on, row.decision_due_on
            )
    return counts


def investigation_counts(rows: Iterable[InvestigationRow], financial_year: str) -> dict[str, int]:
    """Core (not major) investigations completed in the year, and those within 6 and 12 months."""
    first, last = parse_financial_year(financial_year)
    counts = dict.fromkeys(COUNTS["investigations"], 0)
    for row in rows:
        if row.is_major or not _in(row.completed_on, first, last):
            continue
        counts["completed"] += 1
        counts["within_6_months"] += investigation_rules.within_6_months(
            row.started_on, row.completed_on
        )
        counts["within_12_months"] += investigation_rules.within_12_months(
            row.started_on, row.completed_on
        )
    return counts


def investigation_counts_by_part(
    rows: Iterable[InvestigationRow], financial_year: str
) -> dict[str, dict[str, int]]:
    """The investigation figures in total and for each headline mode apart (independent;
    directed, managed included), each counted as investigation_counts counts the whole."""
    rows = list(rows)
    parts = {"investigations": investigation_counts(rows, financial_year)}
    for part, headline in INVESTIGATION_PARTS.items():
        mine = [r for r in rows if investigation_rules.headline_mode(r.mode) == headline]
        parts[part] = investigation_counts(mine, financial_year)
    return parts


def application_counts(rows: Iterable[ApplicationRow], financial_year: str) -> dict[str, int]:
    """Received in the year and of those valid; valid ones decided in the year, and upheld."""
    first, last = parse_financial_year(financial_year)
    counts = dict.fromkeys(COUNTS["applications"], 0)
    for row in rows:
        if _in(row.received_on, first, last):
            counts["received"] += 1
            counts["valid"] += row.is_valid is True
        if row.is_valid and _in(row.decided_on, first, last):
            counts["decided"] += 1
            counts["upheld"] += appeal_rules.is_upheld(row.result) is True
    return counts


def recommendation_counts(
    rows: Iterable[RecommendationRow], financial_year: str, today: dt.date
) -> dict[str, int]:
    """Learning recommendations issued in the year; of those, responded (any date), accepted,
    and statutory ones overdue. Those after a review or appeal (paragraph 28ZA) are remedies
    for one complaint, not learning, and are not counted."""
    first, last = parse_financial_year(financial_year)
    counts = dict.fromkeys(COUNTS["recommendations"], 0)
    for row in rows:
        if row.kind != learning_rules.LEARNING or not _in(row.issued_on, first, last):
            continue
        counts["issued"] += 1
        counts["responded"] += row.status in learning_rules.RESPONDED_STATUSES
        counts["accepted"] += row.status in learning_rules.ACCEPTED_STATUSES
        counts["overdue"] += learning_rules.is_overdue(
            status=row.status,
            is_statutory=row.is_statutory,
            responded_on=row.responded_on,
            due_on=row.response_due_on,
            today=today,
            judicial_review_pending=row.judicial_review_pending,
        )
    return counts


def difference_in_words(value: float | None, target: float | None) -> str:
    """How a rate stands against its target, in plain words: "5 points above target"."""
    if value is None or target is None:
        return ""
    points = round(value - target, 1)
    if points == 0:
        return "on target"
    amount = f"{abs(points):g} point{'s' if abs(points) != 1 else ''}"
    return f"{amount} {'above' if points > 0 else 'below'} target"


def change_in_words(value: float | None, previous: float | None) -> str:
    """How a rate moved since last year: "up 8 points from 83%"."""
    if value is None or previous is None:
        return ""
    points = round(value - previous, 1)
    if points == 0:
        return f"the same as last year ({previous:g}%)"
    amount = f"{abs(points):g} point{'s' if abs(points) != 1 else ''}"
    return f"{'up' if points > 0 else 'down'} {amount} from {previous:g}%"
