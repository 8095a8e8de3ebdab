"""Every write to referrals: create, edit, and determine the mode of investigation."""

import datetime as dt
from collections.abc import Sequence

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Determination, Mode, Referral, ReferralStatus, ReferralType
from cases.referrals import rules
from oversight.core.errors import ConflictError
from oversight.core.models import Organisation, User
from oversight.core.references import next_reference
from oversight.core.selectors import closed_days_from

RECEIVED_IN_FUTURE = "The date received cannot be in the future."
AWARE_AFTER_RECEIVED = (
    "The date the matter came to the force's attention cannot be after the date received."
)
AWARE_IN_FUTURE = "The date the matter came to the force's attention cannot be in the future."
MANDATORY_NEEDS_CATEGORY = "Select at least one category for a mandatory referral."
MODE_REQUIRED = "Select the mode of investigation."
DECIDED_ON_REQUIRED = "Enter the date of the decision."
DECIDED_BEFORE_RECEIVED = "The decision cannot be dated before the referral was received."
DECIDED_IN_FUTURE = "The date of the decision cannot be in the future."
DECIDED_BEFORE_PREVIOUS = "A new decision cannot be dated before the previous one ({previous})."
MODE_UNCHANGED = "The referral is already decided as {mode}: choose a different mode."
LEGACY_MODE_NOT_ALLOWED = (
    "Supervised and managed are only for matters that came to the force's attention "
    "before 1 February 2020."
)
RECEIVED_AFTER_DECISION = "The date received cannot be after the first decision ({decided})."

REFERENCE_PREFIX = "REF"


def _decision_due_on(received_on: dt.date) -> dt.date:
    working_days = settings.REFERRAL_DECISION_WORKING_DAYS
    return rules.decision_due_on(received_on, working_days, closed_days_from(received_on))


def _check_intake(
    *,
    received_on: dt.date,
    first_aware_on: dt.date | None,
    referral_type: str,
    categories: Sequence[str],
    today: dt.date,
) -> dict[str, str]:
    errors = {}
    if received_on > today:
        errors["received_on"] = RECEIVED_IN_FUTURE
    if first_aware_on is not None:
        if first_aware_on > today:
            errors["first_aware_on"] = AWARE_IN_FUTURE
        elif first_aware_on > received_on:
            errors["first_aware_on"] = AWARE_AFTER_RECEIVED
    if referral_type == ReferralType.MANDATORY and not categories:
        errors["categories"] = MANDATORY_NEEDS_CATEGORY
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
    mode: str = "",
    decided_on: dt.date | None = None,
    reason: str = "",
) -> Referral:
    """Log a referral, with a new reference; record the decision too if one is given."""
    errors = _check_intake(
        received_on=received_on,
        first_aware_on=first_aware_on,
        referral_type=referral_type,
        categories=categories,
        today=today,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), pghistory.context(user=actor.pk):
        referral = Referral(
            reference=next_reference(prefix=REFERENCE_PREFIX, year=received_on.year),
            organisation=organisation,
            received_on=received_on,
            matter_type=matter_type,
            referral_type=referral_type,
            categories=sorted(set(categories)),
            summary=summary,
            force_reference=force_reference,
            first_aware_on=first_aware_on,
            decision_due_on=_decision_due_on(received_on),
            created_by=actor,
            updated_by=actor,
        )
        referral.save()
        if mode or decided_on:
            _decide(
                actor=actor,
                referral=referral,
                mode=mode,
                decided_on=decided_on,
                reason=reason,
                today=today,
            )
    return referral


def referral_update(
    *, actor: User, referral: Referral, version: int, today: dt.date, **fields
) -> Referral:
    """Edit a referral's details, refusing the save if someone else changed it first."""
    allowed = {
        "organisation",
        "received_on",
        "matter_type",
        "referral_type",
        "categories",
        "summary",
        "force_reference",
        "first_aware_on",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"referral_update cannot change {sorted(unknown)}")
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = Referral.objects.select_for_update().get(pk=referral.pk)
        if locked.version != version:
            raise ConflictError()
        for name, value in fields.items():
            setattr(locked, name, value)
        if "categories" in fields:
            locked.categories = sorted(set(locked.categories))
        errors = _check_intake(
            received_on=locked.received_on,
            first_aware_on=locked.first_aware_on,
            referral_type=locked.referral_type,
            categories=locked.categories,
            today=today,
        )
        if locked.decided_on and locked.received_on > locked.decided_on:
            errors.setdefault(
                "received_on",
                RECEIVED_AFTER_DECISION.format(decided=f"{locked.decided_on:%-d %B %Y}"),
            )
        if locked.mode and not rules.legacy_mode_allowed(locked.mode, locked.first_aware_on):
            errors.setdefault("first_aware_on", LEGACY_MODE_NOT_ALLOWED)
        if errors:
            raise ValidationError(errors)
        locked.decision_due_on = _decision_due_on(locked.received_on)
        locked.updated_by = actor
        locked.version += 1
        locked.save()
    return locked


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
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = Referral.objects.select_for_update().get(pk=referral.pk)
        if version is not None and locked.version != version:
            raise ConflictError()
        return _decide(
            actor=actor,
            referral=locked,
            mode=mode,
            decided_on=decided_on,
            reason=reason,
            today=today,
        )


def _decide(
    *,
    actor: User,
    referral: Referral,
    mode: str,
    decided_on: dt.date | None,
    reason: str,
    today: dt.date,
) -> Determination:
    errors = {}
    if not mode:
        errors["mode"] = MODE_REQUIRED
    elif mode not in Mode.values:
        errors["mode"] = f"“{mode}” is not a mode of investigation."
    elif not rules.legacy_mode_allowed(mode, referral.first_aware_on):
        errors["mode"] = LEGACY_MODE_NOT_ALLOWED
    elif mode == referral.mode:
        errors["mode"] = MODE_UNCHANGED.format(mode=Mode(mode).label.lower())
    if decided_on is None:
        errors["decided_on"] = DECIDED_ON_REQUIRED
    elif decided_on > today:
        errors["decided_on"] = DECIDED_IN_FUTURE
    elif decided_on < referral.received_on:
        errors["decided_on"] = DECIDED_BEFORE_RECEIVED
    else:
        previous = referral.determinations.order_by("-decided_on").first()
        if previous is not None and decided_on < previous.decided_on:
            errors["decided_on"] = DECIDED_BEFORE_PREVIOUS.format(
                previous=f"{previous.decided_on:%-d %B %Y}"
            )
    if errors:
        raise ValidationError(errors)

    determination = Determination.objects.create(
        referral=referral, mode=mode, decided_on=decided_on, reason=reason, decided_by=actor
    )
    if referral.decided_on is None:
        referral.decided_on = decided_on
        referral.status = ReferralStatus.DECIDED
    referral.mode = mode
    referral.updated_by = actor
    referral.version += 1
    referral.save()
    return determination


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
                version=version,
                today=today,
            )
        elif not changes:
            locked = Referral.objects.select_for_update().get(pk=referral.pk)
            if locked.version != version:
                raise ConflictError()
    return Referral.objects.select_related("organisation").get(pk=referral.pk)
