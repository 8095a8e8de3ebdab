"""An investigation's details: lead, themes, major, dates and mode, and corrections of the
completion date."""

import datetime as dt
from collections.abc import Sequence

from cases.investigations.services import messages
from cases.investigations.services.common import next_notice_due
from cases.investigations.services.inputs import KEEP, SubjectInput
from cases.investigations.services.people import _investigation_people_save_locked
from cases.models import (
    INVESTIGATION_MODES,
    Investigation,
    InvestigationStatus,
    InvestigationTheme,
    Referral,
    Theme,
)
from cases.referrals import rules as referral_rules
from oversight.core.models import User
from oversight.core.validation import FieldErrors, date_error
from oversight.core.writes import attributed, lock_for_update, save_new_version, set_fields


def check_details(
    *,
    referral: Referral,
    mode: str,
    first_aware_on: dt.date | None,
    lead_investigator: User | None,
    today: dt.date,
) -> FieldErrors:
    """Field errors in the details: an investigative mode its referral's regime allows
    (supervised and managed only before the 2020 reforms, directed only after), a date of
    attention neither in the future nor after receipt,
    and a lead from casework staff."""
    errors = FieldErrors(today)
    if mode not in INVESTIGATION_MODES:
        errors["mode"] = messages.MODE_NOT_INVESTIGATIVE
    elif not referral_rules.mode_allowed(mode, referral.regime):
        # An investigation follows its referral's regime (SI 2020/5 reg. 3).
        errors["mode"] = (
            messages.LEGACY_MODE_NOT_ALLOWED
            if mode in referral_rules.LEGACY_MODES
            else messages.DIRECTED_NOT_ALLOWED
        )
    errors.check_date(
        "first_aware_on", first_aware_on, messages.FIRST_AWARE_ON, latest=referral.received_on
    )
    if lead_investigator is not None and not lead_investigator.is_casework_staff:
        errors["lead_investigator"] = messages.LEAD_NOT_STAFF
    return errors


DETAIL_FIELDS = frozenset(
    {"lead_investigator", "themes", "is_major", "first_aware_on", "started_on", "mode"}
)


def _investigation_update_locked(*, locked: Investigation, today: dt.date, fields: dict) -> None:
    """Apply detail changes to the locked investigation, keeping the dates in order."""
    themes = fields.pop("themes", None)
    completed_on = fields.pop("completed_on", KEEP)
    previous_started = locked.started_on
    set_fields(locked, fields, allowed=DETAIL_FIELDS - {"themes"})
    errors = check_details(
        referral=locked.referral,
        mode=locked.mode,
        first_aware_on=locked.first_aware_on,
        lead_investigator=locked.lead_investigator,
        today=today,
    )
    changes = list(locked.status_changes.order_by("changed_on", "id"))
    if "started_on" in fields and locked.started_on != previous_started:
        started_on = locked.started_on
        later = changes[1:]
        errors.check_date(
            "started_on",
            started_on,
            messages.STARTED_ON,
            latest=later[0].changed_on if later else None,
            earliest=locked.mode_decided_on,
        )
        if "started_on" not in errors and changes:
            changes[0].changed_on = started_on
            changes[0].save()
            if not later:
                locked.status_changed_on = started_on
    if completed_on is not KEEP and completed_on != locked.completed_on:
        errors.update(_correct_completion(locked, completed_on, changes, today))
    errors.raise_if_any()
    if themes is not None:
        set_themes(locked, themes)
    locked.next_notice_due_on = next_notice_due(locked)


def _correct_completion(
    locked: Investigation, completed_on: dt.date | None, changes: list, today: dt.date
) -> dict[str, str]:
    """Correct the completion date of a completed investigation (never earlier than the step
    before it, never in the future)."""
    if locked.status != InvestigationStatus.COMPLETED:
        return {"completed_on": messages.COMPLETED_ON_WITHOUT_COMPLETION}
    previous = changes[-2].changed_on if len(changes) >= 2 else locked.started_on
    problem = date_error(completed_on, messages.COMPLETED_ON, today=today, earliest=previous)
    if problem:
        return {"completed_on": problem}
    completion = changes[-1]
    completion.changed_on = completed_on
    completion.save()
    locked.completed_on = locked.status_changed_on = completed_on
    return {}


def set_themes(investigation: Investigation, themes: Sequence[Theme]) -> None:
    """Make the investigation's themes exactly these (links added and removed one by one)."""
    wanted = {theme.pk for theme in themes}
    current = set(investigation.theme_links.values_list("theme_id", flat=True))
    investigation.theme_links.filter(theme_id__in=current - wanted).delete()
    InvestigationTheme.objects.bulk_create(
        InvestigationTheme(investigation=investigation, theme_id=pk)
        for pk in sorted(wanted - current)
    )


def investigation_update(
    *,
    actor: User,
    investigation: Investigation,
    version: int,
    today: dt.date,
    subjects: Sequence[SubjectInput] | None = None,
    **fields,
) -> Investigation:
    """Edit an investigation's details and (if given) its people, all or nothing, refusing
    the save if someone else changed it since `version` was read."""
    with attributed(actor):
        locked = lock_for_update(investigation, version=version)
        _investigation_update_locked(locked=locked, today=today, fields=dict(fields))
        if subjects is not None:
            _investigation_people_save_locked(locked, subjects, replace=True)
        return save_new_version(locked, actor=actor)
