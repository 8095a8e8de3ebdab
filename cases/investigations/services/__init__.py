"""Every write to investigations: open one from a referral, edit it with its people, record
outcomes, move it through its lifecycle and record the statutory notices.

The investigation is the unit of consistency: every write locks its row, checks the version
the caller read (a second caseworker's stale save is refused, never silently applied), saves
the investigation with its people and allegations in one transaction and bumps the version.
Callers import this package, which re-exports the functions and the inputs they take; the
modules split it by topic, and the error messages are in messages.py.
"""

from cases.investigations.services.details import investigation_update
from cases.investigations.services.inputs import KEEP, AllegationInput, SubjectInput
from cases.investigations.services.lifecycle import (
    investigation_change_status,
    investigation_revise,
)
from cases.investigations.services.notices import investigation_notice_record
from cases.investigations.services.opening import (
    investigation_open,
    investigation_openable_error,
)
from cases.investigations.services.people import (
    investigation_subject_remove,
    investigation_subject_save,
)

__all__ = [
    "KEEP",
    "AllegationInput",
    "SubjectInput",
    "investigation_change_status",
    "investigation_notice_record",
    "investigation_open",
    "investigation_openable_error",
    "investigation_revise",
    "investigation_subject_remove",
    "investigation_subject_save",
    "investigation_update",
]
