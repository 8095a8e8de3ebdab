"""Fixtures of the sign-in's tests: two-factor sign-in on, and a person with an app."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.core.signin import services
from oversight.tests.factories import TEST_PASSWORD


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the person's authenticator app shows now (or that many 30-second steps on)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    """Set up an authenticator app for `user` as the set-up page does."""
    device = services.authenticator_start(user=user)
    return services.authenticator_confirm(user=user, token=code_for(device))


def sign_in_with_password(client, user, **extra):
    return client.post(
        "/sign-in/", {"username": user.username, "password": TEST_PASSWORD}, **extra
    )


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED = True
