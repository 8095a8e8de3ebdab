"""Reads about a person's second factor."""

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.core.models import User


def has_authenticator(user: User) -> bool:
    """Whether the person has set up an authenticator app (a confirmed TOTP device)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: User) -> int:
    """How many of the person's recovery codes are still unused."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
