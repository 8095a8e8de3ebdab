"""Selectors that compute a rule in SQL agree with the pure rule on the same rows."""

import datetime as dt
from collections import Counter

import pytest

from appeals import rules, selectors
from appeals.models import Application
from appeals.tests.factories import (
    ApplicationFactory,
    DecidedApplicationFactory,
    ForwardedApplicationFactory,
    InvalidApplicationFactory,
    UpheldApplicationFactory,
    ValidApplicationFactory,
)
from oversight.core.calendar import financial_year_of

D = dt.date
pytestmark = pytest.mark.django_db


def test_in_time_in_sql_agrees_with_the_rule():
    notified = D(2024, 1, 31)
    for days in [0, 1, 27, 28, 29, 30, 60]:
        ApplicationFactory(
            outcome_notified_on=notified, received_on=notified + dt.timedelta(days=days)
        )
    in_time = set(Application.objects.in_time().values_list("pk", flat=True))
    late = set(Application.objects.late().values_list("pk", flat=True))
    for application in Application.objects.all():
        expected = rules.made_in_time(application.outcome_notified_on, application.received_on)
        assert (application.pk in in_time) is expected
        assert (application.pk in late) is not expected


@pytest.mark.parametrize("today", [D(2024, 6, 3), D(2024, 2, 29), D(2024, 3, 31)])
def test_ageing_in_sql_agrees_with_the_rule(today):
    received = []
    for months_back in range(0, 15):
        for shift in (-1, 0, 1):
            day = today - dt.timedelta(days=30 * months_back + shift)
            if day <= today:
                received.append(day)
    for day in received:
        ApplicationFactory(
            complaint_made_on=D(2021, 1, 1),
            outcome_notified_on=day - dt.timedelta(days=5),
            received_on=day,
        )
    # Closed applications are not aged.
    DecidedApplicationFactory(
        complaint_made_on=D(2021, 1, 1), received_on=today - dt.timedelta(days=40)
    )
    InvalidApplicationFactory()
    ForwardedApplicationFactory()
    ageing = selectors.application_ageing(queryset=Application.objects.all(), today=today)
    assert {band["band"]: band["count"] for band in ageing} == rules.count_by_band(received, today)
    assert [band["band"] for band in ageing] == [label for label, _ in rules.AGE_BANDS]


def _expected_counts(rows) -> dict:
    counts = {}
    for row in rows:
        if row.status == "forwarded":
            continue
        key = (financial_year_of(row.received_on), row.organisation_id)
        bucket = counts.setdefault(key, Counter())
        bucket["received"] += 1
        bucket["valid"] += row.is_valid is True
        if row.is_valid and row.decided_on:
            key = (financial_year_of(row.decided_on), row.organisation_id)
            bucket = counts.setdefault(key, Counter())
            bucket["decided"] += 1
            bucket["upheld"] += rules.is_upheld(row.result) is True
    return {
        key: {name: value.get(name, 0) for name in ["received", "valid", "decided", "upheld"]}
        for key, value in counts.items()
    }


def test_counts_by_year_agree_with_the_definitions(herts, met):
    # Received in 2023-24 and decided in 2024-25, on both sides of 1 April.
    UpheldApplicationFactory(
        organisation=herts,
        outcome_notified_on=D(2024, 3, 1),
        received_on=D(2024, 3, 28),
        judged_on=D(2024, 3, 29),
        decided_on=D(2024, 4, 1),
    )
    DecidedApplicationFactory(
        organisation=herts,
        outcome_notified_on=D(2024, 3, 1),
        received_on=D(2024, 3, 31),
        judged_on=D(2024, 3, 31),
        decided_on=D(2024, 3, 31),
    )
    ValidApplicationFactory(organisation=met, received_on=D(2024, 4, 1))
    InvalidApplicationFactory(organisation=met)
    ApplicationFactory(organisation=herts)
    ForwardedApplicationFactory(organisation=herts)
    UpheldApplicationFactory(organisation=met, complaint_made_on=D(2019, 5, 1))

    counts = selectors.application_counts_by_year()
    assert counts == _expected_counts(Application.objects.all())
    assert counts[("2023-24", herts.pk)] == {"received": 2, "valid": 2, "decided": 1, "upheld": 0}
    assert counts[("2024-25", herts.pk)] == {"received": 1, "valid": 0, "decided": 1, "upheld": 1}


def test_counts_can_keep_reviews_after_an_investigation_apart(herts):
    UpheldApplicationFactory(organisation=herts, subject="investigation_outcome")
    DecidedApplicationFactory(organisation=herts, subject="non_investigation_handling")
    after = selectors.application_counts_by_year(subject="investigation_outcome")
    otherwise = selectors.application_counts_by_year(subject="non_investigation_handling")
    assert after[("2024-25", herts.pk)]["upheld"] == 1
    assert otherwise[("2024-25", herts.pk)]["upheld"] == 0
    assert selectors.application_counts_by_year(kind="appeal") == {}


def test_figure_rows_leave_out_forwarded_applications():
    kept = DecidedApplicationFactory()
    ForwardedApplicationFactory()
    rows = list(selectors.application_figure_rows())
    assert [(r["received_on"], r["is_valid"], r["result"]) for r in rows] == [
        (kept.received_on, True, "not_upheld")
    ]
