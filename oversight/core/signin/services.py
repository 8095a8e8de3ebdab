"""Writes of two-factor sign-in: enrolment, recovery codes, verification and a reset."""

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp import verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.core.models import User

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
WRONG_CODE = "The code is not right, or it has expired: enter the code your app shows now"
WRONG_SIGN_IN_CODE = (
    "The code is not right: enter the code your authenticator app shows now, or a recovery code"
)
ALREADY_SET_UP = "Two-factor sign-in is already set up for this account"


def authenticator_start(*, user: User) -> TOTPDevice:
    """The authenticator app being set up: one unconfirmed TOTP device, made once, so that
    reloading the page shows the same secret (OWASP ASVS 5.0, 6.5.3: a CSPRNG seed, which
    django-otp's random key is)."""
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ValidationError(ALREADY_SET_UP)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def authenticator_confirm(*, user: User, token: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the authenticator app with a code it shows and issue ten recovery codes
    (OWASP ASVS 5.0, 6.3.3: multi-factor sign-in; 6.4.x: a second factor that can be
    recovered). The codes are returned once, to be shown once."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            raise ValidationError(ALREADY_SET_UP)
        if not device.verify_token(token.strip()):
            raise ValidationError({"token": WRONG_CODE})
        device.confirmed = True  # the history's trigger records the enrolment
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_replace(user)
    return device, codes


def recovery_codes_regenerate(*, user: User) -> list[str]:
    """A new set of ten recovery codes; the old ones stop working."""
    with transaction.atomic():
        return _recovery_codes_replace(user)


def _recovery_codes_replace(user: User) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_verify(*, user: User, token: str) -> Device:
    """The device that accepts the code: the authenticator app's current code, or a recovery
    code, which is then used up (OWASP ASVS 5.0, 6.5.1: each usable once). django-otp
    throttles repeated wrong codes per device (6.3.1)."""
    token = token.strip().replace(" ", "").lower()  # recovery codes are lower case
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=user, confirmed=True):
            verified = verify_token(user, device.persistent_id, token)
            if verified is not None:
                return verified
    raise ValidationError({"token": WRONG_SIGN_IN_CODE})


def two_factor_reset(*, user: User, by: str) -> int:
    """Remove a person's authenticator app and recovery codes (a lost phone), so that they set
    up two-factor sign-in again at their next sign-in; their sessions verified by the old
    device are no longer verified. Recorded in the history with who did it (OWASP ASVS 5.0,
    6.4.4: a lost factor replaced under the same control as enrolment)."""
    with transaction.atomic(), pghistory.context(two_factor_reset_by=by):
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    return removed
