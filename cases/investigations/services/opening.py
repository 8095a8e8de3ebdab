"""Opening an investigation from a referral decided as independent or directed."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError

from cases.investigations import rules
from cases.investigations.services import messages
from cases.investigations.services.details import check_details, set_themes
from cases.investigations.services.inputs import KEEP, SubjectInput
from cases.investigations.services.lifecycle import (
    _investigation_requested_status_locked,
    requested_transition,
)
from cases.investigations.services.people import _investigation_people_save_locked
from cases.models import (
    INVESTIGATION_MODES,
    Investigation,
    InvestigationStatus,
    Mode,
    Referral,
    StatusChange,
    Theme,
)
from oversight.core import references
from oversight.core.casework.services import _parties_carry_locked
from oversight.core.models import User
from oversight.core.services import reference_allocate
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed


def investigation_openable_error(referral: Referral) -> str | None:
    """Why this referral cannot open an investigation, or None if it can."""
    if not referral.mode:
        return messages.REFERRAL_UNDECIDED.format(reference=referral.reference)
    if referral.mode not in INVESTIGATION_MODES:
        return messages.REFERRAL_NOT_INVESTIGATED.format(
            reference=referral.reference, mode=Mode(referral.mode).label.lower()
        )
    existing = Investigation.objects.filter(referral=referral).only("reference").first()
    if existing is not None:
        return messages.ALREADY_OPEN.format(
            reference=referral.reference, investigation=existing.reference
        )
    return None


def _decision_to_investigate_on(referral: Referral) -> dt.date:
    """The date of the determination in force: the one that chose the current mode."""
    latest = referral.determinations.order_by("-decided_on", "-id").first()
    return latest.decided_on if latest is not None else referral.decided_on


def investigation_open(
    *,
    actor: User,
    referral: Referral,
    started_on: dt.date | None,
    today: dt.date,
    lead_investigator: User | None = None,
    themes: Sequence[Theme] = (),
    is_major: bool = False,
    first_aware_on: dt.date | None = KEEP,
    subjects: Sequence[SubjectInput] = (),
    status: str = "",
    status_changed_on: dt.date | None = None,
    completed_on: dt.date | None = None,
    pause_reason: str = "",
    note: str = "",
) -> Investigation:
    """Open an investigation from a referral decided as independent or directed (or a legacy
    mode), with a new reference; its people are saved with it or not at all, and the
    referral's parties (complainants, representatives, interested persons) are carried to it."""
    with attributed(actor):
        # Locking the referral makes two people opening it at once wait for each other.
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        problem = investigation_openable_error(referral)
        if problem:
            raise ValidationError({"referral": problem})
        if first_aware_on is KEEP:
            first_aware_on = referral.first_aware_on
        mode_decided_on = _decision_to_investigate_on(referral)
        errors = FieldErrors(today)
        errors.check_date("started_on", started_on, messages.STARTED_ON, earliest=mode_decided_on)
        errors.update(
            check_details(
                referral=referral,
                mode=referral.mode,
                first_aware_on=first_aware_on,
                lead_investigator=lead_investigator,
                today=today,
            )
        )
        errors.raise_if_any()
        investigation = Investigation.objects.create(
            reference=reference_allocate(prefix=references.INVESTIGATION, year=started_on.year),
            referral=referral,
            mode=referral.mode,
            mode_decided_on=mode_decided_on,
            lead_investigator=lead_investigator,
            is_major=is_major,
            first_aware_on=first_aware_on,
            started_on=started_on,
            status=InvestigationStatus.STARTED,
            status_changed_on=started_on,
            next_notice_due_on=rules.next_notice_due(first_aware_on, ()),
            created_by=actor,
            updated_by=actor,
        )
        StatusChange.objects.create(
            investigation=investigation,
            status=InvestigationStatus.STARTED,
            changed_on=started_on,
            changed_by=actor,
        )
        set_themes(investigation, themes)
        _investigation_people_save_locked(investigation, subjects, replace=True)
        _parties_carry_locked(source=referral, target=investigation, actor=actor)
        requested = requested_transition(
            investigation,
            status=status,
            status_changed_on=status_changed_on,
            completed_on=completed_on,
            today=today,
        )
        _investigation_requested_status_locked(
            actor=actor,
            investigation=investigation,
            requested=requested,
            pause_reason=pause_reason,
            note=note,
            today=today,
        )
        if requested:
            investigation.save()
    return investigation
