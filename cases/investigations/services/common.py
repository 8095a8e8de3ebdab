"""Helpers the investigation writes share: how a status is worded, the checks of the start
date, and when the next notice is due."""

import datetime as dt

from cases.investigations import rules
from cases.investigations.services import messages
from cases.models import Investigation, InvestigationStatus
from oversight.core.validation import check_date


def status_text(status: str) -> str:
    """A status as messages write it: under investigation."""
    return InvestigationStatus(status).label.lower()


def next_notice_due(investigation: Investigation) -> dt.date | None:
    """The earliest statutory notice due date with no notice recorded against it."""
    given = set(investigation.notices.values_list("due_on", flat=True))
    return rules.next_notice_due(investigation.first_aware_on, given)


def check_start(
    errors: dict[str, str],
    started_on: dt.date | None,
    *,
    decided_on: dt.date,
    today: dt.date,
    next_change_on: dt.date | None = None,
) -> None:
    """The start date is given, not in the future, not before the decision to investigate,
    and not after the next status change (dates never go backwards)."""
    check_date(
        errors,
        "started_on",
        started_on,
        messages.STARTED_ON,
        today=today,
        latest=next_change_on,
        earliest=decided_on,
    )
