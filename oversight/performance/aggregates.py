"""The figures computed by the database: one grouped query per date a figure counts.

Each function returns {(financial_year, organisation_id): {count name: value}}. The
definitions of what is counted are in definitions.py; test_parity checks these agree.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, F, Func, IntegerField, Max, Q

from cases.models import Referral

Counts = dict[tuple[str, int], dict[str, int]]


class FinancialYearStart(Func):
    """The calendar year in which the financial year of a date began (1 April)."""

    template = "EXTRACT(YEAR FROM (%(expressions)s - INTERVAL '3 months'))::integer"
    output_field = IntegerField()


def _label(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def _merge(into: Counts, rows, names: list[str]) -> None:
    for row in rows:
        key = (_label(row["fy"]), row["organisation_id"])
        bucket = into.setdefault(key, {})
        for name in names:
            bucket[name] = bucket.get(name, 0) + row[name]


def referral_counts(*, today: dt.date) -> Counts:
    """Referrals received per year of receipt; decided, and within target, per year of decision."""
    counts: Counts = defaultdict(dict)
    received = (
        Referral.objects.annotate(fy=FinancialYearStart("received_on"))
        .values("fy", "organisation_id")
        .annotate(received=Count("id"))
        .order_by()
    )
    _merge(counts, received, ["received"])
    decided = (
        Referral.objects.filter(decided_on__isnull=False)
        .annotate(fy=FinancialYearStart("decided_on"))
        .values("fy", "organisation_id")
        .annotate(
            decided=Count("id"),
            decided_within_target=Count("id", filter=Q(decided_on__lte=F("decision_due_on"))),
        )
        .order_by()
    )
    _merge(counts, decided, ["decided", "decided_within_target"])
    return counts


FAMILIES = {
    "referrals": referral_counts,
}


def latest_case_change():
    """When any case record that the figures count last changed."""
    return Referral.objects.aggregate(at=Max("updated_at"))["at"]
