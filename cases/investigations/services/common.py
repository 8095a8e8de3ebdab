"""Helpers every investigation write shares: lock and version check, save with a new version."""

import datetime as dt

from cases.investigations import rules
from cases.models import Investigation, InvestigationStatus
from oversight.core.errors import ConflictError
from oversight.core.models import User


def day_text(value: dt.date) -> str:
    """A date as messages write it: 7 May 2024."""
    return f"{value:%-d %B %Y}"


def status_text(status: str) -> str:
    """A status as messages write it: under investigation."""
    return InvestigationStatus(status).label.lower()


def lock(investigation: Investigation, version: int | None) -> Investigation:
    """The investigation's row, locked; a ConflictError if it changed since `version` was read
    (no check when version is None)."""
    locked = Investigation.objects.select_for_update().get(pk=investigation.pk)
    if version is not None and locked.version != version:
        raise ConflictError()
    return locked


def saved(locked: Investigation, actor: User) -> Investigation:
    """Save a write to the investigation or its people: attributed, with a new version."""
    locked.updated_by = actor
    locked.version += 1
    locked.save()
    return locked


def next_notice_due(investigation: Investigation) -> dt.date | None:
    """The earliest statutory notice due date with no notice recorded against it."""
    given = set(investigation.notices.values_list("due_on", flat=True))
    return rules.next_notice_due(investigation.first_aware_on, given)
