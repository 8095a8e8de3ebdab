"""The figures computed by the database: grouped queries per date a figure counts.

Each function returns {(financial_year, organisation_id): {count name: value}}. What is
counted is defined in definitions.py; here each rule is the app's own SQL twin of it (from
the app's selectors), and the parity tests check the two agree on the same rows.
"""

import datetime as dt
from collections import defaultdict

from django.db import connection
from django.db.models import Count, F, Max, Q

from appeals import selectors as appeal_selectors
from appeals.models import Application, Kind, Subject
from cases.investigations import rules as investigation_rules
from cases.investigations.selectors import completed_within_q, headline_mode_q
from cases.models import Investigation, Referral
from cases.referrals import selectors as referral_selectors
from learning import rules as learning_rules
from learning import selectors as learning_selectors
from learning.models import Recommendation
from oversight.core.calendar import financial_year_from_start
from oversight.core.db_functions import FinancialYearStart
from oversight.performance.figures import INVESTIGATION_PARTS

Counts = dict[tuple[str, int], dict[str, int]]


def _rows(queryset) -> list[dict]:
    """The rows of a grouped values() query as dicts, fetched straight from the cursor: the
    ORM would pass every count through int() (PostgreSQL already returns ints), which on
    thousands of grouped rows costs more than the rest of the merging."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _add(into: Counts, row: dict, names: list[str], organisation: str) -> None:
    """Add one grouped row's counts to its (financial year, organisation) bucket."""
    bucket = into.setdefault((financial_year_from_start(row["fy"]), row[organisation]), {})
    for name in names:
        bucket[name] = bucket.get(name, 0) + row[name]


def _merge(into: Counts, rows, names: list[str], organisation: str = "organisation_id") -> None:
    for row in _rows(rows):
        _add(into, row, names, organisation)


def referral_counts(*, today: dt.date) -> Counts:
    """Referrals received per year of receipt; decided, and within target, per year of decision."""
    counts: Counts = defaultdict(dict)
    received = (
        Referral.objects.annotate(fy=FinancialYearStart("received_on"))
        .values("fy", "organisation_id")
        .annotate(received=Count("*"))
        .order_by()
    )
    _merge(counts, received, ["received"])
    decided = (
        Referral.objects.filter(decided_on__isnull=False)
        .annotate(fy=FinancialYearStart("decided_on"))
        .values("fy", "organisation_id")
        .annotate(
            decided=Count("*"),
            decided_within_target=Count("id", filter=referral_selectors.decided_within_target_q()),
        )
        .order_by()
    )
    _merge(counts, decided, ["decided", "decided_within_target"])
    return counts


INVESTIGATION_NAMES = ["completed", "within_6_months", "within_12_months"]


def investigation_counts_by_part(*, today: dt.date) -> dict[str, Counts]:
    """Core investigations completed per year of completion, and within 6 and 12 months: in
    total and for independent and directed apart, in one grouped query."""
    by_part: dict[str, Counts] = {"investigations": defaultdict(dict)}
    names = []
    annotations = {}
    for part, headline in (("", None), *((f"{p}__", h) for p, h in INVESTIGATION_PARTS.items())):
        mode = Q() if headline is None else headline_mode_q(headline)
        annotations |= {
            f"{part}completed": Count("id", filter=mode),
            f"{part}within_6_months": Count(
                "id", filter=mode & completed_within_q(investigation_rules.SIX_MONTHS)
            ),
            f"{part}within_12_months": Count(
                "id", filter=mode & completed_within_q(investigation_rules.TWELVE_MONTHS)
            ),
        }
        names.append(part)
    rows = (
        Investigation.objects.core()
        .filter(completed_on__isnull=False)
        .annotate(fy=FinancialYearStart("completed_on"), force=F("referral__organisation_id"))
        .values("fy", "force")
        .annotate(**annotations)
        .order_by()
    )
    for row in _rows(rows):
        for part in names:
            family = part.removesuffix("__") or "investigations"
            counts = by_part.setdefault(family, defaultdict(dict))
            values = {name: row[f"{part}{name}"] for name in INVESTIGATION_NAMES}
            _add(
                counts,
                {**values, "fy": row["fy"], "force": row["force"]},
                INVESTIGATION_NAMES,
                "force",
            )
    for part in INVESTIGATION_PARTS:
        by_part.setdefault(part, defaultdict(dict))
    return by_part


def investigation_counts(*, today: dt.date) -> Counts:
    """Core investigations completed per year of completion, and within 6 and 12 months."""
    return investigation_counts_by_part(today=today)["investigations"]


def _application_parts(kind: str, subject: str) -> list[str]:
    """The figure families an application counts in: all, its kind, and for reviews whether
    they follow an investigation or a complaint handled otherwise."""
    parts = ["applications", "appeals" if kind == Kind.APPEAL else "reviews"]
    if kind == Kind.REVIEW and subject == Subject.INVESTIGATION_OUTCOME:
        parts.append("reviews_after_investigation")
    if kind == Kind.REVIEW and subject == Subject.NON_INVESTIGATION_HANDLING:
        parts.append("reviews_otherwise")
    return parts


def application_counts_by_part(*, today: dt.date) -> dict[str, Counts]:
    """Appeals and reviews (forwarded ones are another body's): received and valid per year
    received, decided and upheld per year decided; two grouped queries for all the parts."""
    by_part: dict[str, Counts] = defaultdict(dict)
    base = Application.objects.counted()
    received = (
        base.annotate(fy=FinancialYearStart("received_on"))
        .values("fy", "organisation_id", "kind", "subject")
        .annotate(received=Count("*"), valid=Count("id", filter=Q(is_valid=True)))
        .order_by()
    )
    decided = (
        base.filter(is_valid=True, decided_on__isnull=False)
        .annotate(fy=FinancialYearStart("decided_on"))
        .values("fy", "organisation_id", "kind", "subject")
        .annotate(decided=Count("*"), upheld=Count("id", filter=appeal_selectors.upheld_q()))
        .order_by()
    )
    for rows, names in ((received, ["received", "valid"]), (decided, ["decided", "upheld"])):
        for row in _rows(rows):
            for part in _application_parts(row["kind"], row["subject"]):
                _add(by_part[part], row, names, "organisation_id")
    return by_part


def application_counts(*, today: dt.date) -> Counts:
    """Appeals and reviews together."""
    return application_counts_by_part(today=today)["applications"]


def recommendation_counts(*, today: dt.date) -> Counts:
    """Learning recommendations per year issued and recipient: responded (at any date),
    accepted, and statutory ones unanswered past their due date today (not those after a
    review or appeal, paragraph 28ZA)."""
    counts: Counts = defaultdict(dict)
    rows = (
        Recommendation.objects.filter(issued_on__isnull=False, kind=learning_rules.LEARNING)
        .annotate(fy=FinancialYearStart("issued_on"))
        .values("fy", "recipient_id")
        .annotate(
            issued=Count("*"),
            responded=Count("id", filter=learning_selectors.responded_q()),
            accepted=Count("id", filter=learning_selectors.accepted_q()),
            overdue=Count("id", filter=learning_selectors.overdue_q(today)),
        )
        .order_by()
    )
    _merge(counts, rows, ["issued", "responded", "accepted", "overdue"], "recipient_id")
    return counts


def all_counts(*, today: dt.date) -> dict[str, Counts]:
    """Every figure family: six grouped queries in all."""
    return {
        "referrals": referral_counts(today=today),
        **investigation_counts_by_part(today=today),
        **application_counts_by_part(today=today),
        "recommendations": recommendation_counts(today=today),
    }


def latest_case_change():
    """When any case record that the figures count last changed."""
    latest = [
        model.objects.aggregate(at=Max("updated_at"))["at"]
        for model in (Referral, Investigation, Application, Recommendation)
    ]
    latest = [at for at in latest if at is not None]
    return max(latest) if latest else None
