"""The reminder digest's pure rules: the horizon of 5 working days, which duties are listed
and in what order, and the subject line."""

import datetime as dt

import pytest

from oversight.work import digest, rules
from oversight.work.selectors import WorkItem

D = dt.date


@pytest.mark.parametrize(
    ("today", "closed", "horizon"),
    [
        # Thursday: Friday, then Monday to Thursday across the weekend.
        (D(2024, 6, 6), (), D(2024, 6, 13)),
        # Thursday before the spring bank holiday (Monday 27 May): one more day.
        (D(2024, 5, 23), (), D(2024, 5, 31)),
        # A closure of the body's (Tuesday 28 May) moves it on again.
        (D(2024, 5, 23), (D(2024, 5, 28),), D(2024, 6, 3)),
        # Saturday: five working days from Monday.
        (D(2024, 6, 8), (), D(2024, 6, 14)),
    ],
)
def test_the_horizon_is_5_working_days_after_today(today, closed, horizon):
    assert digest.reminder_horizon(today, closed) == horizon


TODAY = D(2024, 5, 23)


def item(reference, due_on):
    return WorkItem(
        reference=reference,
        kind=rules.REFERRAL,
        duty=rules.MODE_DECISION,
        due_on=due_on,
        overdue=rules.is_overdue(due_on, TODAY),
        summary="",
        owner="casey",
    )


def test_the_digest_lists_overdue_duties_first_then_those_due_by_the_horizon_soonest_first():
    horizon = D(2024, 5, 31)
    items = [
        item("REF-5", D(2024, 6, 3)),  # the working day after the horizon: not yet
        item("REF-4", D(2024, 5, 31)),  # the horizon itself
        item("REF-3", D(2024, 5, 23)),  # today: due, not overdue
        item("REF-2", D(2024, 5, 22)),  # yesterday: overdue
        item("REF-1", D(2024, 4, 1)),
    ]
    chosen = digest.digest_items(items, horizon=horizon)
    assert [i.reference for i in chosen] == ["REF-1", "REF-2", "REF-3", "REF-4"]


def test_the_subject_counts_overdue_and_due_soon():
    assert digest.digest_subject(overdue=3, due_soon=2) == (
        "Your work: 3 overdue, 2 due in the next 5 working days"
    )
