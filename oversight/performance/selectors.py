"""Reads for the dashboard and API: a handful of snapshot rows, never a scan of cases."""

import dataclasses

from django.http import Http404

from cases.investigations.selectors import ageing_summary, investigations_at_risk
from learning import selectors as learning_selectors
from oversight.core.calendar import financial_year_label
from oversight.core.models import Organisation
from oversight.performance import definitions
from oversight.performance.figures import RATE_LABELS, RATES
from oversight.performance.models import Target, TimelinessRun, TimelinessSnapshot


def snapshot_get(*, financial_year: str, organisation: Organisation | None) -> TimelinessSnapshot:
    """The stored figures of a year (for an organisation, or in total); 404 if none."""
    snapshot = TimelinessSnapshot.objects.filter(
        financial_year=financial_year, organisation=organisation
    ).first()
    if snapshot is None:
        raise Http404(f"No figures for {financial_year_label(financial_year)}.")
    return snapshot


def totals_by_year() -> dict[str, TimelinessSnapshot]:
    """The total snapshot of every year with data, oldest first."""
    rows = TimelinessSnapshot.objects.filter(organisation__isnull=True).order_by("financial_year")
    return {row.financial_year: row for row in rows}


def per_organisation(*, financial_year: str) -> list[TimelinessSnapshot]:
    """Each organisation's snapshot for the year, by name."""
    return list(
        TimelinessSnapshot.objects.filter(
            financial_year=financial_year, organisation__isnull=False
        )
        .select_related("organisation")
        .order_by("organisation__name")
    )


def targets_for(*, financial_year: str) -> dict[str, float]:
    return {
        t.metric: float(t.percentage) for t in Target.objects.filter(financial_year=financial_year)
    }


def last_run() -> TimelinessRun | None:
    return TimelinessRun.objects.select_related("requested_by").first()


@dataclasses.dataclass(frozen=True)
class RateLine:
    key: str
    label: str
    value: float | None
    numerator: int
    denominator: int
    target: float | None
    previous: float | None

    @property
    def against_target(self) -> str:
        return definitions.difference_in_words(self.value, self.target)

    @property
    def against_last_year(self) -> str:
        return definitions.change_in_words(self.value, self.previous)


def rate_lines(
    *, figures: dict, previous: dict | None, targets: dict[str, float]
) -> list[RateLine]:
    """Each rate of the year beside its target and last year's value."""
    lines = []
    for family, rates in RATES.items():
        for name, (num, den) in rates.items():
            key = f"{family}.{name}"
            lines.append(
                RateLine(
                    key=key,
                    label=RATE_LABELS[key],
                    value=figures[family][name],
                    numerator=figures[family][num],
                    denominator=figures[family][den],
                    target=targets.get(key),
                    previous=(previous or {}).get(family, {}).get(name),
                )
            )
    return lines


AT_RISK_SHOWN = 20


def open_casework(*, user, today) -> dict:
    """What needs attention now, read live from the open cases (a small set): the ageing of
    open investigations, the first of those at risk of missing 12 months, and statutory
    recommendation responses overdue per recipient. A fixed number of queries."""
    at_risk = list(
        investigations_at_risk(user=user, today=today).select_related(
            "referral__organisation", "lead_investigator"
        )[:AT_RISK_SHOWN]
    )
    return {
        "ageing": ageing_summary(user=user, today=today),
        "at_risk": at_risk,
        "overdue_by_recipient": learning_selectors.overdue_by_recipient(today=today),
    }
