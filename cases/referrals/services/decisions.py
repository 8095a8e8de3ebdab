"""Determinations of the mode of investigation."""

import datetime as dt

from cases.models import Determination, Mode, Referral, ReferralStatus
from cases.referrals import rules
from cases.referrals.services import messages
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version


def referral_decide(
    *,
    actor: User,
    referral: Referral,
    mode: str,
    decided_on: dt.date | None,
    today: dt.date,
    reason: str = "",
    version: int | None = None,
) -> Determination:
    """Record a determination of the mode of investigation; the first one counts for the target."""
    with attributed(actor):
        locked = lock_for_update(referral, version=version)
        return _referral_decide_locked(
            actor=actor,
            referral=locked,
            mode=mode,
            decided_on=decided_on,
            reason=reason,
            today=today,
        )


def _referral_decide_locked(
    *,
    actor: User,
    referral: Referral,
    mode: str,
    decided_on: dt.date | None,
    reason: str,
    today: dt.date,
) -> Determination:
    """Decide a referral whose row the caller holds (locked, or created in this transaction)."""
    errors = FieldErrors(today)
    if not mode:
        errors["mode"] = messages.MODE_REQUIRED
    elif mode not in Mode.values:
        errors["mode"] = messages.MODE_UNKNOWN.format(mode=mode)
    elif not rules.legacy_mode_allowed(mode, referral.first_aware_on):
        errors["mode"] = messages.LEGACY_MODE_NOT_ALLOWED
    elif mode == referral.mode:
        errors["mode"] = messages.MODE_UNCHANGED.format(mode=Mode(mode).label.lower())
    previous = (
        referral.determinations.order_by("-decided_on").values_list("decided_on", flat=True)
    ).first()
    errors.check_date("decided_on", decided_on, messages.DECIDED_ON, earliest=referral.received_on)
    errors.check_date("decided_on", decided_on, messages.DECIDED_ON_AGAIN, earliest=previous)
    errors.raise_if_any()

    determination = Determination.objects.create(
        referral=referral, mode=mode, decided_on=decided_on, reason=reason, decided_by=actor
    )
    if referral.decided_on is None:
        referral.decided_on = decided_on
        referral.status = ReferralStatus.DECIDED
    referral.mode = mode
    save_new_version(referral, actor=actor)
    return determination
