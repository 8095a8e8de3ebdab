import datetime as dt

import pytest

from cases.referrals import rules

D = dt.date


def test_decision_due_3_working_days_after_receipt_over_christmas_2021():
    assert rules.decision_due_on(D(2021, 12, 23), 3) == D(2021, 12, 30)


@pytest.mark.parametrize(
    ("decided_on", "expected"),
    [(None, None), (D(2024, 6, 6), True), (D(2024, 6, 3), True), (D(2024, 6, 7), False)],
)
def test_decided_within_target_is_on_or_before_the_due_date(decided_on, expected):
    assert rules.decided_within_target(decided_on, D(2024, 6, 6)) is expected


@pytest.mark.parametrize(
    ("decided_on", "today", "expected"),
    [
        (None, D(2024, 6, 6), False),  # due today: not yet overdue
        (None, D(2024, 6, 7), True),
        (D(2024, 6, 10), D(2024, 6, 11), False),  # decided late is "missed", not overdue
    ],
)
def test_decision_overdue_only_while_undecided_after_the_due_date(decided_on, today, expected):
    assert rules.is_decision_overdue(decided_on, D(2024, 6, 6), today) is expected


@pytest.mark.parametrize(
    ("mode", "aware", "allowed"),
    [
        ("independent", None, True),
        ("supervised", None, False),
        ("supervised", D(2020, 1, 31), True),
        ("managed", D(2020, 2, 1), False),
        ("managed", D(2019, 6, 1), True),
    ],
)
def test_legacy_modes_only_for_matters_known_before_1_february_2020(mode, aware, allowed):
    assert rules.legacy_mode_allowed(mode, aware) is allowed
