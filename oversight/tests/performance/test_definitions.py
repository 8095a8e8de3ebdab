"""Each figure on small hand-built rows with known answers (no database)."""

import datetime as dt

import pytest

from cases.investigations.rules import completed_within
from oversight.performance.definitions import (
    ApplicationRow,
    InvestigationRow,
    RecommendationRow,
    ReferralRow,
    application_counts,
    change_in_words,
    difference_in_words,
    investigation_counts,
    investigation_counts_by_part,
    rate,
    recommendation_counts,
    referral_counts,
    with_rates,
)

D = dt.date


def test_referrals_count_in_the_year_of_the_date_each_figure_counts():
    rows = [
        ReferralRow(D(2019, 4, 1), D(2019, 4, 4), D(2019, 4, 4)),  # first day, in target
        ReferralRow(D(2020, 3, 31), D(2020, 4, 1), D(2020, 4, 3)),  # received 19-20, decided 20-21
        ReferralRow(D(2019, 3, 29), D(2019, 4, 2), D(2019, 4, 3)),  # received 18-19, decided 19-20
        ReferralRow(D(2019, 6, 3), D(2019, 6, 7), D(2019, 6, 6)),  # decided one day late
        ReferralRow(D(2019, 6, 3), None, D(2019, 6, 6)),  # undecided
        ReferralRow(D(2020, 4, 1), None, D(2020, 4, 6)),  # next year
    ]
    assert referral_counts(rows, "2019-20") == {
        "received": 4,
        "decided": 3,
        "decided_within_target": 2,
    }
    assert referral_counts(rows, "2020-21") == {
        "received": 1,
        "decided": 1,
        "decided_within_target": 1,
    }


@pytest.mark.parametrize(
    ("started", "completed", "months", "within"),
    [
        (D(2019, 8, 31), D(2020, 2, 29), 6, True),  # leap year: end of February
        (D(2019, 8, 31), D(2020, 3, 1), 6, False),
        (D(2018, 8, 31), D(2019, 2, 28), 6, True),
        (D(2019, 1, 15), D(2020, 1, 15), 12, True),
        (D(2019, 1, 15), D(2020, 1, 16), 12, False),
        (D(2020, 2, 29), D(2021, 2, 28), 12, True),
    ],
)
def test_completed_within_calendar_months(started, completed, months, within):
    assert completed_within(started, completed, months) is within


def test_investigations_exclude_major_and_count_in_the_year_completed():
    rows = [
        InvestigationRow(D(2019, 1, 10), D(2019, 6, 10), False),  # 5 months
        InvestigationRow(D(2018, 9, 1), D(2019, 8, 1), False),  # 11 months
        InvestigationRow(D(2018, 1, 1), D(2019, 12, 1), False),  # 23 months
        InvestigationRow(D(2017, 1, 1), D(2019, 12, 1), True),  # major: excluded
        InvestigationRow(D(2019, 1, 1), None, False),  # open
        InvestigationRow(D(2019, 10, 1), D(2020, 4, 1), False),  # completed next year
    ]
    assert investigation_counts(rows, "2019-20") == {
        "completed": 3,
        "within_6_months": 1,
        "within_12_months": 2,
    }


def test_headline_timeliness_counts_independent_and_directed_investigations_apart():
    rows = [
        InvestigationRow(D(2019, 1, 10), D(2019, 6, 10), False, "independent"),  # 5 months
        InvestigationRow(D(2018, 9, 1), D(2019, 8, 1), False, "independent"),  # 11 months
        InvestigationRow(D(2018, 1, 1), D(2019, 12, 1), False, "directed"),  # 23 months
        InvestigationRow(D(2019, 1, 1), D(2019, 5, 1), False, "managed"),  # directed's form
        InvestigationRow(D(2019, 1, 1), D(2019, 5, 1), False, "supervised"),  # neither
        InvestigationRow(D(2017, 1, 1), D(2019, 12, 1), True, "independent"),  # major
    ]
    parts = investigation_counts_by_part(rows, "2019-20")
    assert parts["investigations"] == {
        "completed": 5,
        "within_6_months": 3,
        "within_12_months": 4,
    }
    assert parts["independent_investigations"] == {
        "completed": 2,
        "within_6_months": 1,
        "within_12_months": 2,
    }
    assert parts["directed_investigations"] == {
        "completed": 2,
        "within_6_months": 1,
        "within_12_months": 1,
    }
    assert parts["investigations"] == investigation_counts(rows, "2019-20")


def test_applications_invalid_ones_are_not_decided_and_upheld_counts_decided_valid_ones():
    rows = [
        ApplicationRow(D(2019, 5, 1), True, D(2019, 7, 1), "upheld"),
        ApplicationRow(D(2019, 5, 1), True, D(2019, 7, 1), "not_upheld"),
        ApplicationRow(D(2019, 5, 1), False, D(2019, 7, 1), ""),  # invalid: not decided
        ApplicationRow(D(2019, 5, 1), None, None, ""),  # not yet judged
        ApplicationRow(D(2019, 3, 1), True, D(2019, 4, 1), "upheld"),  # received 18-19
    ]
    assert application_counts(rows, "2019-20") == {
        "received": 4,
        "valid": 2,
        "decided": 3,
        "upheld": 2,
    }


def test_recommendations_partially_accepted_and_implemented_count_as_accepted():
    today = D(2020, 6, 1)
    rows = [
        RecommendationRow(D(2019, 5, 1), "accepted", True, D(2019, 6, 1), D(2019, 6, 25)),
        RecommendationRow(
            D(2019, 5, 1), "partially_accepted", True, D(2019, 6, 1), D(2019, 6, 25)
        ),
        RecommendationRow(D(2019, 5, 1), "implemented", False, D(2019, 6, 1), None),
        RecommendationRow(D(2019, 5, 1), "not_accepted", True, D(2020, 5, 1), D(2019, 6, 25)),
        RecommendationRow(D(2020, 3, 1), "issued", True, None, D(2020, 4, 25)),  # overdue
        RecommendationRow(D(2020, 3, 31), "issued", True, None, D(2020, 6, 1)),  # due today
        RecommendationRow(D(2019, 9, 1), "issued", False, None, None),  # non-statutory
        RecommendationRow(None, "draft", True, None, None),  # draft: never counted
    ]
    assert recommendation_counts(rows, "2019-20", today) == {
        "issued": 7,
        "responded": 4,
        "accepted": 3,
        "overdue": 1,
    }


def test_rates_are_null_when_nothing_was_counted():
    assert rate(0, 0) is None
    assert rate(1, 3) == 33.3
    figures = with_rates({"referrals": {"received": 2}})
    assert figures["referrals"]["decided_within_target_rate"] is None
    assert figures["investigations"] == {
        "completed": 0,
        "within_6_months": 0,
        "within_12_months": 0,
        "within_6_months_rate": None,
        "within_12_months_rate": None,
    }


def test_acceptance_rate_counts_accepted_partially_accepted_and_implemented():
    statuses = ["accepted", "partially_accepted", "implemented", "not_accepted"]
    rows = [RecommendationRow(D(2019, 5, 1), s, False, D(2019, 6, 1), None) for s in statuses]
    counts = recommendation_counts(rows, "2019-20", D(2020, 6, 1))
    assert with_rates({"recommendations": counts})["recommendations"]["acceptance_rate"] == 75.0
    assert with_rates({})["recommendations"]["acceptance_rate"] is None


@pytest.mark.parametrize(
    ("value", "target", "words"),
    [
        (90, 85, "5 points above target"),
        (84, 85, "1 point below target"),
        (85.0, 85, "on target"),
        (None, 85, ""),
        (90, None, ""),
    ],
)
def test_difference_in_words(value, target, words):
    assert difference_in_words(value, target) == words


def test_change_in_words():
    assert change_in_words(91, 83) == "up 8 points from 83%"
    assert change_in_words(80.5, 83) == "down 2.5 points from 83%"
    assert change_in_words(None, 83) == ""
