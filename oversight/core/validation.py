"""The checks every service makes on the dates a person gives, written once.

A date is checked in a fixed order, and the first problem is the one reported: missing (when
the service requires it), later than a date it may not follow (today, above all: no case
happens in the future), or earlier than a date it may not precede (the decision before the
receipt). Each bound comes with the message that explains it.
"""

import datetime as dt
from collections.abc import Sequence

Bound = tuple[dt.date | None, str]


def date_error(
    value: dt.date | None,
    *,
    required: str | None = None,
    not_after: Sequence[Bound] = (),
    not_before: Sequence[Bound] = (),
) -> str | None:
    """What is wrong with the date, or None. A bound that is None (not known yet) holds
    nothing back; a missing date is wrong only when `required` says why."""
    if value is None:
        return required
    for latest, message in not_after:
        if latest is not None and value > latest:
            return message
    for earliest, message in not_before:
        if earliest is not None and value < earliest:
            return message
    return None


def check_date(
    errors: dict[str, str],
    field: str,
    value: dt.date | None,
    *,
    required: str | None = None,
    not_after: Sequence[Bound] = (),
    not_before: Sequence[Bound] = (),
) -> None:
    """Record what is wrong with the date under its field, if anything."""
    problem = date_error(value, required=required, not_after=not_after, not_before=not_before)
    if problem is not None:
        errors[field] = problem
