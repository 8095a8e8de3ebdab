"""Logging a referral, editing its details, and an edit that records a new determination."""

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.db import transaction

from cases.models import Referral, ReferralType
from cases.referrals import rules
from cases.referrals.services import messages
from cases.referrals.services.decisions import (
    _referral_decide_locked,
    mode_error,
    referral_decide,
)
from oversight.core import references
from oversight.core.models import Organisation, User
from oversight.core.regime import Regime
from oversight.core.selectors import closed_days_from
from oversight.core.services import reference_allocate
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version, set_fields

# In the order the API shows them.
DETAIL_FIELDS = (
    "organisation",
    "received_on",
    "matter_type",
    "referral_type",
    "categories",
    "summary",
    "force_reference",
    "first_aware_on",
    "regime_reason",
)


def _decision_due_on(received_on: dt.date) -> dt.date:
    working_days = settings.REFERRAL_DECISION_WORKING_DAYS
    return rules.decision_due_on(received_on, working_days, closed_days_from(received_on))


def _check_intake(
    *,
    received_on: dt.date,
    first_aware_on: dt.date | None,
    matter_type: str,
    referral_type: str,
    categories: Sequence[str],
    regime_reason: str,
    today: dt.date,
) -> FieldErrors:
    errors = FieldErrors(today)
    errors.check_date("received_on", received_on, messages.RECEIVED_ON)
    errors.check_date(
        "first_aware_on", first_aware_on, messages.FIRST_AWARE_ON, latest=received_on
    )
    if not rules.referral_type_allowed(matter_type, referral_type):
        errors["referral_type"] = messages.VOLUNTARY_DSI_REFUSED
    if referral_type == ReferralType.MANDATORY and not categories:
        errors["categories"] = messages.MANDATORY_NEEDS_CATEGORY
    if received_on is not None and "first_aware_on" not in errors:
        if not rules.regime_reason_applies(first_aware_on, received_on, regime_reason):
            by_date = rules.referral_regime(first_aware_on, received_on, "")
            errors["regime_reason"] = messages.REGIME_REASON_NOT_APPLICABLE.format(
                regime=Regime(by_date).label.lower()
            )
    return errors


def referral_create(
    *,
    actor: User,
    organisation: Organisation,
    received_on: dt.date,
    matter_type: str,
    referral_type: str,
    categories: Sequence[str],
    summary: str,
    today: dt.date,
    force_reference: str = "",
    first_aware_on: dt.date | None = None,
    regime_reason: str = "",
    mode: str = "",
    decided_on: dt.date | None = None,
    reason: str = "",
    why_not_local: str = "",
    why_not_independent: str = "",
) -> Referral:
    """Log a referral, with a new reference; record the decision too if one is given."""
    errors = _check_intake(
        received_on=received_on,
        first_aware_on=first_aware_on,
        matter_type=matter_type,
        referral_type=referral_type,
        categories=categories,
        regime_reason=regime_reason,
        today=today,
    )
    errors.raise_if_any()
    with attributed(actor):
        referral = Referral(
            reference=reference_allocate(prefix=references.REFERRAL, year=received_on.year),
            organisation=organisation,
            received_on=received_on,
            matter_type=matter_type,
            referral_type=referral_type,
            categories=sorted(set(categories)),
            summary=summary,
            force_reference=force_reference,
            first_aware_on=first_aware_on,
            regime=rules.referral_regime(first_aware_on, received_on, regime_reason),
            regime_reason=regime_reason,
            decision_due_on=_decision_due_on(received_on),
            created_by=actor,
            updated_by=actor,
        )
        referral.save()
        if mode or decided_on:
            _referral_decide_locked(
                actor=actor,
                referral=referral,
                mode=mode,
                decided_on=decided_on,
                reason=reason,
                why_not_local=why_not_local,
                why_not_independent=why_not_independent,
                today=today,
            )
    return referral


def referral_update(
    *, actor: User, referral: Referral, version: int, today: dt.date, **fields
) -> Referral:
    """Edit a referral's details, refusing the save if someone else changed it first."""
    with attributed(actor):
        locked = lock_for_update(referral, version=version)
        set_fields(locked, fields, allowed=DETAIL_FIELDS)
        if "categories" in fields:
            locked.categories = sorted(set(locked.categories))
        errors = _check_intake(
            received_on=locked.received_on,
            first_aware_on=locked.first_aware_on,
            matter_type=locked.matter_type,
            referral_type=locked.referral_type,
            categories=locked.categories,
            regime_reason=locked.regime_reason,
            today=today,
        )
        errors.check_date(
            "received_on", locked.received_on, messages.RECEIVED_ON, latest=locked.decided_on
        )
        regime = rules.referral_regime(
            locked.first_aware_on, locked.received_on, locked.regime_reason
        )
        problem = mode_error(locked.mode, regime) if locked.mode else None
        if problem:
            # On the field that moved the matter to a regime its mode does not fit.
            field = "regime_reason" if "regime_reason" in fields else "first_aware_on"
            errors.setdefault(field, problem)
        errors.raise_if_any()
        locked.regime = regime
        locked.decision_due_on = _decision_due_on(locked.received_on)
        return save_new_version(locked, actor=actor)


def referral_revise(
    *,
    actor: User,
    referral: Referral,
    version: int,
    today: dt.date,
    changes: dict,
    mode: str = "",
    decided_on: dt.date | None = None,
    reason: str = "",
    why_not_local: str = "",
    why_not_independent: str = "",
) -> Referral:
    """Edit details and, if a mode is given, record a new determination: all or nothing."""
    with transaction.atomic():
        if changes:
            referral = referral_update(
                actor=actor, referral=referral, version=version, today=today, **changes
            )
            version = referral.version
        if mode or decided_on:
            referral_decide(
                actor=actor,
                referral=referral,
                mode=mode,
                decided_on=decided_on,
                reason=reason,
                why_not_local=why_not_local,
                why_not_independent=why_not_independent,
                version=version,
                today=today,
            )
        elif not changes:
            lock_for_update(referral, version=version)
    return Referral.objects.select_related("organisation").get(pk=referral.pk)
