"""The selectors' SQL twins agree with the pure rules, and the composed reads are right."""

import datetime as dt

import pytest

from cases.investigations import rules, selectors
from cases.models import Investigation
from cases.tests.factories import (
    CompletedInvestigationFactory,
    InvestigationFactory,
    MajorInvestigationFactory,
    PausedInvestigationFactory,
)
from oversight.tests.factories import CaseworkerFactory

D = dt.date
pytestmark = pytest.mark.django_db

# Month ends, leap days and ordinary days, across leap and common years.
EDGE_DAYS = [
    D(year, month, day)
    for year in (2023, 2024)
    for month, day in [
        (1, 31),
        (2, 28),
        (3, 31),
        (4, 30),
        (5, 31),
        (6, 15),
        (8, 29),
        (8, 30),
        (8, 31),
        (9, 30),
        (10, 31),
        (12, 31),
    ]
] + [D(2024, 2, 29)]


@pytest.mark.parametrize("months", [1, 6, 12, 18])
def test_sql_calendar_months_agree_with_the_pure_rule(months):
    rows = [InvestigationFactory(started_on=day) for day in EDGE_DAYS]
    marks = dict(
        Investigation.objects.filter(pk__in=[r.pk for r in rows])
        .annotate(mark=selectors.AddMonths("started_on", months=months))
        .values_list("started_on", "mark")
    )
    assert marks == {day: rules.add_months(day, months) for day in EDGE_DAYS}


def test_sql_completed_within_agrees_with_the_pure_rule():
    cases = []
    for start in EDGE_DAYS:
        for months in (6, 12):
            mark = rules.add_months(start, months)
            for completed in (mark - dt.timedelta(days=1), mark, mark + dt.timedelta(days=1)):
                cases.append((start, completed))
    rows = [
        CompletedInvestigationFactory(started_on=start, completed_on=completed)
        for start, completed in cases
    ]
    for months in (6, 12):
        in_sql = set(
            Investigation.objects.filter(selectors.completed_within_q(months)).values_list(
                "pk", flat=True
            )
        )
        in_python = {
            r.pk for r in rows if rules.completed_within(r.started_on, r.completed_on, months)
        }
        assert in_sql == in_python
    InvestigationFactory()  # open: never counted
    assert not Investigation.objects.filter(
        selectors.completed_within_q(12), completed_on__isnull=True
    ).exists()


@pytest.mark.parametrize(
    "today", [D(2025, 2, 28), D(2025, 3, 1), D(2024, 8, 31), D(2025, 8, 31), D(2025, 9, 1)]
)
def test_sql_age_bands_and_at_risk_agree_with_the_pure_rules(today):
    rows = [InvestigationFactory(started_on=start) for start in EDGE_DAYS if start <= today]
    queryset = Investigation.objects.all()
    for band in rules.AGE_BANDS:
        in_sql = set(
            queryset.filter(selectors.age_band_q(band, today)).values_list("pk", flat=True)
        )
        in_python = {r.pk for r in rows if rules.age_band(r.started_on, today) == band}
        assert in_sql == in_python, band
    in_sql = set(queryset.filter(selectors.at_risk_q(today)).values_list("pk", flat=True))
    in_python = {r.pk for r in rows if rules.is_at_risk(r.started_on, r.completed_on, today)}
    assert in_sql == in_python


def test_unknown_age_band_is_an_error():
    with pytest.raises(ValueError, match="Unknown age band"):
        selectors.age_band_q("ancient", D(2024, 1, 1))


def test_ageing_summary_counts_core_apart_from_major_for_one_lead_or_everyone(caseworker):
    today = D(2025, 5, 1)
    other = CaseworkerFactory()
    InvestigationFactory(started_on=D(2025, 1, 2), lead_investigator=caseworker)  # 0-6
    PausedInvestigationFactory(started_on=D(2024, 9, 1), lead_investigator=caseworker)  # 6-12
    InvestigationFactory(started_on=D(2024, 5, 20), lead_investigator=other)  # 6-12, at risk
    InvestigationFactory(started_on=D(2024, 1, 5), lead_investigator=other)  # over 12
    MajorInvestigationFactory(started_on=D(2023, 1, 5), lead_investigator=caseworker)
    CompletedInvestigationFactory(started_on=D(2024, 1, 5))  # completed: not ageing
    everyone = selectors.ageing_summary(user=caseworker, today=today)
    assert [(band, count) for band, _, count in everyone.bands] == [
        ("0_6", 1),
        ("6_12", 2),
        ("over_12", 1),
    ]
    assert (everyone.core, everyone.major, everyone.at_risk) == (4, 1, 1)
    mine = selectors.ageing_summary(user=caseworker, today=today, lead=caseworker)
    assert [count for _, _, count in mine.bands] == [1, 1, 0]
    assert (mine.core, mine.major, mine.at_risk) == (2, 1, 0)


def test_at_risk_and_notice_lists(caseworker):
    today = D(2025, 5, 1)
    soon = InvestigationFactory(started_on=D(2024, 5, 20), lead_investigator=caseworker)
    major = MajorInvestigationFactory(started_on=D(2024, 5, 10))
    InvestigationFactory(started_on=D(2024, 7, 1))  # more than 30 days to go
    assert list(selectors.investigations_at_risk(user=caseworker, today=today)) == [major, soon]
    assert list(
        selectors.investigations_at_risk(user=caseworker, today=today, lead=caseworker)
    ) == [soon]
    needing = selectors.investigations_needing_notice(user=caseworker, today=today)
    # Both came to the force's attention 20 days before they started, over 12 months ago.
    assert set(needing) == {soon, major}


def test_notice_schedule_and_timeline():
    investigation = CompletedInvestigationFactory(
        started_on=D(2023, 4, 3), first_aware_on=D(2023, 3, 10), completed_on=D(2024, 9, 10)
    )
    investigation = selectors.investigation_get(
        user=investigation.created_by, reference=investigation.reference
    )
    rows = selectors.notice_schedule(investigation, D(2025, 1, 1))
    assert [(r.due_on, r.state) for r in rows] == [
        (D(2024, 3, 10), "needed"),
        (D(2024, 9, 10), "needed"),  # completed on the due date: still needed
    ]
    titles = [(e.on, e.title) for e in selectors.investigation_timeline(investigation)]
    referral = investigation.referral
    assert titles == [
        (referral.received_on, f"Referral {referral.reference} received"),
        (referral.decided_on, "Mode decided: Independent"),
        (D(2023, 4, 3), "Investigation started"),
        (D(2024, 9, 10), "Investigation completed"),
    ]


def test_get_is_404_for_a_liaison(liaison):
    from django.http import Http404

    investigation = InvestigationFactory()
    with pytest.raises(Http404):
        selectors.investigation_get(user=liaison, reference=investigation.reference)
