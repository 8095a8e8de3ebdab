"""A reminder's digest, as pure values: which of a person's duties it lists, in what order,
and its subject line. No ORM and no clock: the caller passes `today` and the closed days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from oversight.core.calendar import add_working_days
from oversight.work import rules

if TYPE_CHECKING:
    from oversight.work.selectors import WorkItem

# A reminder looks this many working days ahead.
REMINDER_WORKING_DAYS = 5


def reminder_horizon(today: dt.date, closed: Collection[dt.date] = ()) -> dt.date:
    """The last day a reminder covers: 5 working days after today (bank holidays and the
    body's closures skipped)."""
    return add_working_days(today, REMINDER_WORKING_DAYS, closed)


def digest_items(items: Iterable[WorkItem], *, horizon: dt.date) -> list[WorkItem]:
    """The duties to remind of: the overdue ones first, then those due by the horizon, each
    group soonest first."""
    chosen = [item for item in items if item.overdue or rules.due_within(item.due_on, horizon)]
    return sorted(chosen, key=lambda item: (not item.overdue, item.due_on, item.reference))


def digest_subject(*, overdue: int, due_soon: int) -> str:
    """The subject line: how many duties are overdue and how many due soon."""
    return (
        f"Your work: {overdue} overdue, {due_soon} due in the next "
        f"{REMINDER_WORKING_DAYS} working days"
    )
