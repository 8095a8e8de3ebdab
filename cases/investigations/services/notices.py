"""Statutory notices to the local policing body (reg. 13, 2020 Regulations)."""

import datetime as dt

from cases.investigations import rules
from cases.investigations.services import messages
from cases.investigations.services.common import next_notice_due
from cases.models import Investigation, NoticeAction, StatutoryNotice
from oversight.core.formatting import long_date
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version


def investigation_notice_record(
    *,
    actor: User,
    investigation: Investigation,
    version: int | None,
    due_on: dt.date,
    action: str,
    actioned_on: dt.date | None,
    today: dt.date,
    note: str = "",
    chief_officer_under_investigation: bool = False,
    progress: str = "",
    estimated_completion_on: dt.date | None = None,
    delay_reasons: str = "",
    planned_steps: str = "",
) -> StatutoryNotice:
    """Record that the notice due on a date was given, by the oversight body, to the local
    policing body and the chief officer (not the chief officer when the investigation is into
    their conduct), with the contents reg. 13(4) requires, or withheld because it might
    prejudice an investigation (reg. 13(2) of the 2020 Regulations)."""
    with attributed(actor):
        locked = lock_for_update(investigation, version=version)
        errors = FieldErrors(today)
        required = rules.notices_required(locked.first_aware_on, locked.completed_on, today)
        if locked.first_aware_on is None:
            errors["due_on"] = messages.NOTICE_NEEDS_AWARE_DATE
        elif due_on not in required:
            upcoming = rules.notice_due_dates(locked.first_aware_on, due_on)
            if locked.is_open and upcoming and upcoming[-1] == due_on:
                errors["due_on"] = messages.NOTICE_NOT_YET_DUE.format(due=long_date(due_on))
            else:
                errors["due_on"] = messages.NOTICE_NOT_A_DUE_DATE.format(due=long_date(due_on))
        elif locked.notices.filter(due_on=due_on).exists():
            errors["due_on"] = messages.NOTICE_ALREADY_RECORDED.format(due=long_date(due_on))
        if action not in NoticeAction.values:
            errors["action"] = messages.NOTICE_ACTION_UNKNOWN
        errors.check_date("actioned_on", actioned_on, messages.ACTIONED_ON, earliest=due_on)
        contents = {
            "progress": progress.strip(),
            "estimated_completion_on": estimated_completion_on,
            "delay_reasons": delay_reasons.strip(),
            "planned_steps": planned_steps.strip(),
        }
        for name in rules.notice_contents_missing(action, contents):
            errors.setdefault(name, messages.NOTICE_CONTENT_REQUIRED[name])
        errors.raise_if_any()
        notice = StatutoryNotice.objects.create(
            investigation=locked,
            due_on=due_on,
            action=action,
            actioned_on=actioned_on,
            note=note,
            chief_officer_under_investigation=chief_officer_under_investigation,
            **contents,
            recorded_by=actor,
        )
        locked.next_notice_due_on = next_notice_due(locked)
        save_new_version(locked, actor=actor)
    return notice
