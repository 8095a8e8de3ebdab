"""Working days and financial years: pure date rules, no ORM and no clock.

Working days are Monday to Friday less the bank holidays of England and Wales
(substitute days included), taken from the maintained `holidays` library, and less
any extra non-working days the caller passes (the admin table of closures).
"""

import datetime as dt
import re
from collections.abc import Collection
from functools import cache, lru_cache

import holidays

FINANCIAL_YEAR_RE = re.compile(r"^(\d{4})-(\d{2})$")


class FinancialYearError(ValueError):
    """A financial year that is not written YYYY-YY with consecutive years."""


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: dt.date) -> bool:
    """A bank holiday in England and Wales, substitute days included."""
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date, closed: Collection[dt.date] = ()) -> bool:
    """Monday to Friday, not a bank holiday, and not one of the extra closed days."""
    return day.weekday() < 5 and not is_bank_holiday(day) and day not in closed


def add_working_days(start: dt.date, n: int, closed: Collection[dt.date] = ()) -> dt.date:
    """The n-th working day after `start`, counting from the day after it."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    remaining = n
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day, closed):
            remaining -= 1
    return day


def financial_year_start(day: dt.date) -> int:
    """The calendar year in which the financial year containing `day` began (1 April)."""
    return day.year if day.month >= 4 else day.year - 1


@cache  # called per row of the figures' grouped queries; there are few years
def financial_year_from_start(start: int) -> str:
    """The financial year that began on 1 April of `start`, written as in URLs: 2019-20."""
    return f"{start}-{(start + 1) % 100:02d}"


def financial_year_of(day: dt.date) -> str:
    """The financial year (1 April to 31 March) of `day`, written as in URLs: 2019-20."""
    return financial_year_from_start(financial_year_start(day))


def previous_financial_year(value: str) -> str:
    """The financial year before one written 2019-20: 2018-19."""
    first, _ = parse_financial_year(value)
    return financial_year_from_start(first.year - 1)


def parse_financial_year(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of a financial year written 2019-20; FinancialYearError otherwise."""
    match = FINANCIAL_YEAR_RE.match(value or "")
    if not match:
        raise FinancialYearError(f"“{value}” is not a financial year: write it like 2019-20.")
    start = int(match.group(1))
    if (start + 1) % 100 != int(match.group(2)):
        raise FinancialYearError(f"“{value}” is not a financial year: the years must follow.")
    if not 1900 <= start <= 2999:
        raise FinancialYearError(f"“{value}” is outside the years this system records.")
    return dt.date(start, 4, 1), dt.date(start + 1, 3, 31)


def financial_year_label(value: str) -> str:
    """A financial year as shown on pages: 2019-20 becomes 2019/20."""
    parse_financial_year(value)
    return value.replace("-", "/")


def financial_years_between(first: dt.date, last: dt.date) -> list[str]:
    """Every financial year from the one containing `first` to the one containing `last`."""
    return [
        financial_year_from_start(year)
        for year in range(financial_year_start(first), financial_year_start(last) + 1)
    ]
