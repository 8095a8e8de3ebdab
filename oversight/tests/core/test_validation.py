"""oversight.core.validation: a date's problems are reported in order, the first one only."""

import datetime as dt

import pytest

from oversight.core.validation import check_date, date_error

D = dt.date
TODAY = D(2024, 6, 3)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "required"),
        (D(2024, 6, 4), "future"),  # the day after today
        (TODAY, None),  # today itself is allowed
        (D(2024, 5, 1), None),  # the earliest date itself is allowed
        (D(2024, 4, 30), "too early"),  # the day before it
    ],
)
def test_a_date_is_checked_required_then_upper_then_lower_bounds(value, expected):
    got = date_error(
        value,
        required="required",
        not_after=[(TODAY, "future")],
        not_before=[(D(2024, 5, 1), "too early")],
    )
    assert got == expected


def test_an_optional_date_and_an_unknown_bound_hold_nothing_back():
    assert date_error(None, not_after=[(TODAY, "future")]) is None
    assert date_error(D(2000, 1, 1), not_before=[(None, "never")]) is None


def test_the_first_bound_that_fails_is_the_one_reported():
    bounds = [(D(2024, 5, 1), "after the first"), (D(2024, 5, 20), "after the second")]
    assert date_error(D(2024, 5, 25), not_after=bounds) == "after the first"
    assert date_error(D(2024, 5, 10), not_before=list(reversed(bounds))) == "after the second"


def test_check_date_records_the_problem_under_its_field():
    errors = {"other": "kept"}
    check_date(errors, "decided_on", D(2024, 6, 4), not_after=[(TODAY, "future")])
    check_date(errors, "received_on", TODAY, not_after=[(TODAY, "future")])
    assert errors == {"other": "kept", "decided_on": "future"}
