"""The status lifecycle: each move checked against the transition table and the date rules."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError

from cases.investigations import rules
from cases.investigations.services import messages
from cases.investigations.services.common import status_text
from cases.investigations.services.details import _investigation_update_locked
from cases.investigations.services.inputs import KEEP, SubjectInput
from cases.investigations.services.people import _investigation_people_save_locked, check_outcomes
from cases.models import Investigation, InvestigationStatus, PauseReason, StatusChange
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version


def requested_transition(
    investigation: Investigation,
    *,
    status: str,
    status_changed_on: dt.date | None,
    completed_on: dt.date | None,
    today: dt.date,
) -> tuple[str, dt.date | None] | None:
    """The status change an API write asks for, if any (completed_on alone completes)."""
    if completed_on is not None and status not in ("", InvestigationStatus.COMPLETED):
        raise ValidationError({"completed_on": messages.COMPLETED_ON_WITHOUT_COMPLETION})
    if completed_on is not None or status == InvestigationStatus.COMPLETED:
        if investigation.status == InvestigationStatus.COMPLETED:
            return None  # a correction of the date, handled as a detail
        return InvestigationStatus.COMPLETED, completed_on
    if not status or status == investigation.status:
        return None
    return status, status_changed_on or today


def investigation_change_status(
    *,
    actor: User,
    investigation: Investigation,
    status: str,
    changed_on: dt.date | None,
    today: dt.date,
    version: int | None = None,
    pause_reason: str = "",
    note: str = "",
) -> Investigation:
    """Move the investigation to a new status on a date no earlier than the last change; it is
    completed only with a completion date and an outcome for every person."""
    with attributed(actor):
        locked = lock_for_update(investigation, version=version)
        _investigation_change_status_locked(
            actor=actor,
            investigation=locked,
            status=status,
            changed_on=changed_on,
            pause_reason=pause_reason,
            note=note,
            today=today,
        )
        return save_new_version(locked, actor=actor)


def _investigation_change_status_locked(
    *,
    actor: User,
    investigation: Investigation,
    status: str,
    changed_on: dt.date | None,
    pause_reason: str,
    note: str,
    today: dt.date,
) -> None:
    """Move the locked investigation to `status` on `changed_on`, recording the step."""
    current = investigation.status
    completing = status == InvestigationStatus.COMPLETED
    date_field = "completed_on" if completing else "status_changed_on"
    if status not in InvestigationStatus.values:
        raise ValidationError({"status": messages.STATUS_UNKNOWN.format(status=status)})
    if status == current:
        raise ValidationError(
            {"status": messages.ALREADY_IN_STATUS.format(status=status_text(status))}
        )
    if not rules.can_move(current, status):
        raise ValidationError(
            {
                "status": messages.TRANSITION_NOT_ALLOWED.format(
                    current=status_text(current), new=status_text(status)
                )
            }
        )
    errors = FieldErrors(today)
    previous = investigation.status_changed_on
    date_messages = messages.COMPLETED_ON if completing else messages.CHANGED_ON
    errors.check_date(date_field, changed_on, date_messages, earliest=previous)
    if status == InvestigationStatus.PAUSED:
        if pause_reason not in PauseReason.values:
            errors["pause_reason"] = messages.PAUSE_REASON_REQUIRED
    elif pause_reason:
        errors["pause_reason"] = messages.PAUSE_REASON_NOT_PAUSED
    errors.raise_if_any()
    if completing:
        check_outcomes(investigation, field="status")
    investigation.status = status
    investigation.status_changed_on = changed_on
    investigation.pause_reason = pause_reason if status == InvestigationStatus.PAUSED else ""
    investigation.completed_on = changed_on if completing else None
    StatusChange.objects.create(
        investigation=investigation,
        status=status,
        changed_on=changed_on,
        pause_reason=investigation.pause_reason,
        note=note,
        changed_by=actor,
    )


def investigation_revise(
    *,
    actor: User,
    investigation: Investigation,
    version: int,
    today: dt.date,
    changes: dict,
    subjects: Sequence[SubjectInput] | None = None,
    status: str = "",
    status_changed_on: dt.date | None = None,
    completed_on: dt.date | None = KEEP,
    pause_reason: str = "",
    note: str = "",
) -> Investigation:
    """Edit details and people and, if asked, change the status: one save, all or nothing."""
    with attributed(actor):
        locked = lock_for_update(investigation, version=version)
        requested = requested_transition(
            locked,
            status=status,
            status_changed_on=status_changed_on,
            completed_on=None if completed_on is KEEP else completed_on,
            today=today,
        )
        fields = dict(changes)
        if requested is None and completed_on is not KEEP:
            fields["completed_on"] = completed_on  # correcting a completed investigation
        _investigation_update_locked(locked=locked, today=today, fields=fields)
        if subjects is not None:
            _investigation_people_save_locked(locked, subjects, replace=True)
        _investigation_requested_status_locked(
            actor=actor,
            investigation=locked,
            requested=requested,
            pause_reason=pause_reason,
            note=note,
            today=today,
        )
        return save_new_version(locked, actor=actor)


def _investigation_requested_status_locked(
    *,
    actor: User,
    investigation: Investigation,
    requested: tuple[str, dt.date | None] | None,
    pause_reason: str,
    note: str,
    today: dt.date,
) -> None:
    """Take the status change a write asked for, if any; without one, a pause reason may only
    change the reason of a paused investigation (otherwise it makes no sense)."""
    if requested:
        _investigation_change_status_locked(
            actor=actor,
            investigation=investigation,
            status=requested[0],
            changed_on=requested[1],
            pause_reason=pause_reason,
            note=note,
            today=today,
        )
    elif pause_reason:
        if investigation.status != InvestigationStatus.PAUSED:
            raise ValidationError({"pause_reason": messages.PAUSE_REASON_NOT_PAUSED})
        if pause_reason not in PauseReason.values:
            raise ValidationError({"pause_reason": messages.PAUSE_REASON_REQUIRED})
        investigation.pause_reason = pause_reason
