"""Determinations of the mode of investigation."""

import datetime as dt

from cases.models import Determination, Mode, Referral, ReferralStatus
from cases.referrals import rules
from cases.referrals.services import messages
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version

ORDER_REASON_MESSAGES = {
    rules.WHY_NOT_LOCAL: {
        "required": messages.WHY_NOT_LOCAL_REQUIRED,
        "not_applicable": messages.WHY_NOT_LOCAL_NOT_APPLICABLE,
    },
    rules.WHY_NOT_INDEPENDENT: {
        "required": messages.WHY_NOT_INDEPENDENT_REQUIRED,
        "not_applicable": messages.WHY_NOT_INDEPENDENT_NOT_APPLICABLE,
    },
}


def mode_error(mode: str, regime: str) -> str | None:
    """Why the regime does not allow the mode (Sch. 3 para. 15(4), before and after the 2017
    Act's amendments), or None."""
    if rules.mode_allowed(mode, regime):
        return None
    if mode in rules.LEGACY_MODES:
        return messages.LEGACY_MODE_NOT_ALLOWED
    return messages.DIRECTED_NOT_ALLOWED


def referral_decide(
    *,
    actor: User,
    referral: Referral,
    mode: str,
    decided_on: dt.date | None,
    today: dt.date,
    reason: str = "",
    why_not_local: str = "",
    why_not_independent: str = "",
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
            why_not_local=why_not_local,
            why_not_independent=why_not_independent,
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
    why_not_local: str = "",
    why_not_independent: str = "",
) -> Determination:
    """Decide a referral whose row the caller holds (locked, or created in this transaction)."""
    errors = FieldErrors(today)
    if not mode:
        errors["mode"] = messages.MODE_REQUIRED
    elif mode not in Mode.values:
        errors["mode"] = messages.MODE_UNKNOWN.format(mode=mode)
    elif problem := mode_error(mode, referral.regime):
        errors["mode"] = problem
    elif mode == referral.mode:
        errors["mode"] = messages.MODE_UNCHANGED.format(mode=Mode(mode).label.lower())
    reasons = {rules.WHY_NOT_LOCAL: why_not_local, rules.WHY_NOT_INDEPENDENT: why_not_independent}
    if "mode" not in errors:
        for field, problem in rules.order_reason_problems(mode, referral.regime, reasons).items():
            errors[field] = ORDER_REASON_MESSAGES[field][problem]
    previous = (
        referral.determinations.order_by("-decided_on").values_list("decided_on", flat=True)
    ).first()
    errors.check_date("decided_on", decided_on, messages.DECIDED_ON, earliest=referral.received_on)
    errors.check_date("decided_on", decided_on, messages.DECIDED_ON_AGAIN, earliest=previous)
    errors.raise_if_any()

    determination = Determination.objects.create(
        referral=referral,
        mode=mode,
        decided_on=decided_on,
        reason=reason,
        why_not_local=why_not_local.strip(),
        why_not_independent=why_not_independent.strip(),
        decided_by=actor,
    )
    if referral.decided_on is None:
        referral.decided_on = decided_on
        referral.status = ReferralStatus.DECIDED
    referral.mode = mode
    save_new_version(referral, actor=actor)
    return determination
