"""The checks every service makes on the dates a person gives, written once.

Each date a service takes has its messages (DateMessages, in the app's messages module): for
a date left out, a date after today (no case happens in the future), a date after the latest
one it may have (the next step's), and a date before the earliest one (the decision before
the receipt); the last two name that date as {date}. A date is checked in that order, and
only its first problem is reported.

Before any of those, every date is bounded (DESIGN, "Search, exports, errors"): none before
1 January 1990 (EARLIEST_DATE) nor more than a year after today. Such a date is a typing
slip (year 0815 for 2015), not a case, and it must never reach the figures. The pages' date
field, the API's date field and the services all refuse it with the same words
(date_bounds_error).
"""

import dataclasses
import datetime as dt

from django.core.exceptions import ValidationError

from oversight.core.formatting import long_date

EARLIEST_DATE = dt.date(1990, 1, 1)
TOO_EARLY = "Enter a date on or after 1 January 1990"
TOO_LATE = "Enter a date no later than {date}, a year from today"


def latest_date(today: dt.date) -> dt.date:
    """The last date the system takes: a year after today (29 February gives 28 February)."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def date_bounds_error(value: dt.date, *, today: dt.date | None) -> str | None:
    """What puts the date outside the years this system records (before 1990, or more than a
    year after today; the second only when today is known), or None."""
    if value < EARLIEST_DATE:
        return TOO_EARLY
    if today is not None and value > latest_date(today):
        return TOO_LATE.format(date=long_date(latest_date(today)))
    return None


@dataclasses.dataclass(frozen=True)
class DateMessages:
    required: str | None = None  # None: the date is optional
    future: str | None = None  # None: a future date is not checked
    later: str | None = None
    earlier: str | None = None


def date_error(
    value: dt.date | None,
    messages: DateMessages,
    *,
    today: dt.date | None = None,
    latest: dt.date | None = None,
    earliest: dt.date | None = None,
) -> str | None:
    """What is wrong with the date, or None. A bound that is None (not known yet) holds
    nothing back."""
    if value is None:
        return messages.required
    bounds = date_bounds_error(value, today=today)
    if bounds is not None:
        return bounds
    if messages.future and today is not None and value > today:
        return messages.future
    if messages.later and latest is not None and value > latest:
        return messages.later.format(date=long_date(latest))
    if messages.earlier and earliest is not None and value < earliest:
        return messages.earlier.format(date=long_date(earliest))
    return None


class FieldErrors(dict):
    """A service's field errors as it finds them ({field: message}, for ValidationError),
    with the day its date checks take as today."""

    def __init__(self, today: dt.date | None = None):
        super().__init__()
        self.today = today

    def check_date(
        self,
        field: str,
        value: dt.date | None,
        messages: DateMessages,
        *,
        latest: dt.date | None = None,
        earliest: dt.date | None = None,
    ) -> None:
        """Record what is wrong with the date under its field, unless the field already has
        its problem: checks of one date against several bounds follow one another."""
        if field in self:
            return
        problem = date_error(value, messages, today=self.today, latest=latest, earliest=earliest)
        if problem is not None:
            self[field] = problem

    def raise_if_any(self) -> None:
        """Refuse the write, with every problem found, if there is any."""
        if self:
            raise ValidationError(dict(self))
