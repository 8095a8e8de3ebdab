"""Working days and financial years: pure rules, no database."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oversight.core.calendar import (
    FinancialYearError,
    add_working_days,
    financial_year_label,
    financial_year_of,
    financial_years_between,
    is_bank_holiday,
    is_working_day,
    parse_financial_year,
    previous_financial_year,
)

D = dt.date


@pytest.mark.parametrize(
    "day",
    [
        D(2021, 12, 27),  # substitute for Christmas Day (Saturday)
        D(2021, 12, 28),  # substitute for Boxing Day (Sunday)
        D(2022, 4, 15),  # Good Friday
        D(2022, 4, 18),  # Easter Monday
        D(2020, 5, 8),  # early May bank holiday moved to VE Day
        D(2022, 6, 3),  # Platinum Jubilee, with the spring bank holiday moved to 2 June
        D(2022, 9, 19),  # State funeral of Queen Elizabeth II
        D(2023, 5, 8),  # Coronation of King Charles III
    ],
)
def test_bank_holidays_of_england_and_wales(day):
    assert is_bank_holiday(day)
    assert not is_working_day(day)


def test_moved_spring_bank_holiday_2020_is_not_the_usual_monday():
    assert not is_bank_holiday(D(2020, 5, 4))  # the first Monday of May was a working day
    assert is_working_day(D(2020, 5, 4))


def test_scottish_bank_holidays_do_not_count():
    assert is_working_day(D(2024, 1, 2))  # 2 January is a holiday in Scotland only
    assert is_working_day(D(2024, 8, 5))  # Scottish summer bank holiday


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2024, 6, 3), 3, D(2024, 6, 6)),  # Monday + 3 = Thursday
        (D(2024, 6, 6), 3, D(2024, 6, 11)),  # Thursday: over the weekend
        (D(2024, 6, 8), 3, D(2024, 6, 12)),  # received on a Saturday: counts from Monday
        (D(2021, 12, 23), 3, D(2021, 12, 30)),  # Christmas 2021: 27 and 28 are substitutes
        (D(2021, 12, 24), 1, D(2021, 12, 29)),
        (D(2022, 4, 13), 3, D(2022, 4, 20)),  # Easter 2022: Good Friday and Easter Monday
        (D(2020, 5, 6), 3, D(2020, 5, 12)),  # VE Day 2020: 8 May
        (D(2024, 6, 3), 0, D(2024, 6, 3)),
    ],
)
def test_add_working_days_counts_from_the_day_after(start, n, expected):
    assert add_working_days(start, n) == expected


def test_add_working_days_skips_extra_closed_days():
    assert add_working_days(D(2024, 6, 3), 3, closed={D(2024, 6, 4)}) == D(2024, 6, 7)


def test_add_working_days_refuses_negative():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(D(2024, 6, 3), -1)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 12, 31)), st.integers(1, 30))
def test_add_working_days_lands_on_a_working_day(start, n):
    result = add_working_days(start, n)
    assert result > start
    assert result.weekday() < 5
    assert not is_bank_holiday(result)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 12, 31)), st.integers(1, 30))
def test_add_working_days_counts_exactly_n_working_days(start, n):
    result = add_working_days(start, n)
    days = (result - start).days
    between = [start + dt.timedelta(days=i) for i in range(1, days + 1)]
    assert sum(is_working_day(d) for d in between) == n


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (D(2019, 4, 1), "2019-20"),
        (D(2020, 3, 31), "2019-20"),
        (D(2020, 4, 1), "2020-21"),
        (D(1999, 12, 31), "1999-00"),
    ],
)
def test_financial_year_runs_from_1_april_to_31_march(day, year):
    assert financial_year_of(day) == year


def test_parse_financial_year():
    assert parse_financial_year("2019-20") == (D(2019, 4, 1), D(2020, 3, 31))
    assert parse_financial_year("1999-00") == (D(1999, 4, 1), D(2000, 3, 31))
    assert financial_year_label("2019-20") == "2019/20"


@pytest.mark.parametrize("bad", ["2019", "2019-21", "2019/20", "19-20", "", "abcd-ef"])
def test_parse_financial_year_rejects_bad_values(bad):
    with pytest.raises(FinancialYearError):
        parse_financial_year(bad)


def test_financial_years_between():
    assert financial_years_between(D(2019, 3, 1), D(2020, 4, 1)) == [
        "2018-19",
        "2019-20",
        "2020-21",
    ]


@given(st.dates(min_value=D(1901, 1, 1), max_value=D(2998, 12, 31)))
def test_every_day_is_inside_its_financial_year(day):
    first, last = parse_financial_year(financial_year_of(day))
    assert first <= day <= last


def test_previous_financial_year():
    assert previous_financial_year("2019-20") == "2018-19"
    assert previous_financial_year("2000-01") == "1999-00"
