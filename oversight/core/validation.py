"""The checks every service makes on the dates a person gives, written once.

Each date a service takes has its messages (DateMessages, in the app's messages module): for
a date left out, a date after today (no case happens in the future), a date after the latest
one it may have (the next step's), and a date before the earliest one (the decision before
the receipt); the last two name that date as {date}. A date is checked in that order, and
only its first problem is reported.
"""

import dataclasses
import datetime as dt

from django.core.exceptions import ValidationError

from oversight.core.formatting import long_date


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
