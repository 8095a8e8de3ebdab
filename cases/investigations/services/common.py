"""Helpers the investigation writes share: how a status is worded, when the next notice is due."""

import datetime as dt

from cases.investigations import rules
from cases.models import Investigation, InvestigationStatus


def status_text(status: str) -> str:
    """A status as messages write it: under investigation."""
    return InvestigationStatus(status).label.lower()


def next_notice_due(investigation: Investigation) -> dt.date | None:
    """The earliest statutory notice due date with no notice recorded against it."""
    given = set(investigation.notices.values_list("due_on", flat=True))
    return rules.next_notice_due(investigation.first_aware_on, given)
