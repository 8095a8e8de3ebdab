"""Referral rules as pure functions over dates: no ORM, no clock (the caller passes today)."""

import datetime as dt
from collections.abc import Collection

from oversight.core.calendar import add_working_days

# Matters that came to a force's attention before this date may carry the legacy modes.
LEGACY_MODES_END = dt.date(2020, 2, 1)
LEGACY_MODES = frozenset({"supervised", "managed"})


def decision_due_on(
    received_on: dt.date, working_days: int, closed: Collection[dt.date] = ()
) -> dt.date:
    """The mode decision is due within `working_days` working days of receipt."""
    return add_working_days(received_on, working_days, closed)


def decided_within_target(decided_on: dt.date | None, due_on: dt.date) -> bool | None:
    """Met when the first determination is on or before the due date; None while undecided."""
    if decided_on is None:
        return None
    return decided_on <= due_on


def is_decision_overdue(decided_on: dt.date | None, due_on: dt.date, today: dt.date) -> bool:
    """Undecided and the due date has passed."""
    return decided_on is None and today > due_on


def legacy_mode_allowed(mode: str, first_aware_on: dt.date | None) -> bool:
    """Supervised and managed only for matters the force knew of before 1 February 2020."""
    if mode not in LEGACY_MODES:
        return True
    return first_aware_on is not None and first_aware_on < LEGACY_MODES_END
