"""oversight.core.validation: a date's problems are reported in order, the first one only."""

import datetime as dt

import pytest

from oversight.core.validation import DateMessages, FieldErrors, date_error

D = dt.date
TODAY = D(2024, 6, 3)
MESSAGES = DateMessages(
    required="required", future="future", later="after {date}", earlier="before {date}"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "required"),
        (D(2025, 1, 1), "future"),  # the day after today
        (D(2024, 5, 20), None),  # the latest date itself is allowed
        (D(2024, 5, 21), "after 20 May 2024"),  # the day after it
        (D(2024, 5, 1), None),  # the earliest date itself is allowed
        (D(2024, 4, 30), "before 1 May 2024"),  # the day before it
    ],
)
def test_a_date_is_checked_required_future_latest_earliest(value, expected):
    bounds = {"today": D(2024, 12, 31), "latest": D(2024, 5, 20), "earliest": D(2024, 5, 1)}
    assert date_error(value, MESSAGES, **bounds) == expected


def test_today_itself_is_not_the_future():
    assert date_error(TODAY, MESSAGES, today=TODAY) is None


def test_an_optional_date_and_an_unknown_bound_hold_nothing_back():
    assert date_error(None, DateMessages(future="future"), today=TODAY) is None
    assert date_error(D(2000, 1, 1), MESSAGES, today=TODAY, earliest=None) is None
    assert date_error(D(2030, 1, 1), DateMessages(earlier="before")) is None  # no future check


def test_the_first_problem_of_a_field_is_the_one_kept():
    errors = FieldErrors(today=TODAY)
    errors["other"] = "kept"
    errors.check_date("decided_on", D(2024, 6, 4), MESSAGES)
    errors.check_date("decided_on", D(2024, 6, 4), MESSAGES, earliest=D(2025, 1, 1))
    errors.check_date("received_on", TODAY, MESSAGES)
    assert errors == {"other": "kept", "decided_on": "future"}
