"""Two-factor devices in the audit history: django-otp's authenticator-app device, as a proxy
so that its confirmation (enrolment) and its removal (a reset) are this app's events."""

import pghistory
from django_otp.plugins.otp_totp.models import TOTPDevice


@pghistory.track(
    pghistory.UpdateEvent("two_factor_enrol", condition=pghistory.AnyChange("confirmed")),
    pghistory.DeleteEvent("two_factor_reset"),
    fields=["user", "name", "confirmed"],
    obj_field=None,  # never the device's secret, and a reset device is gone
    model_name="TwoFactorEvent",
)
class AuthenticatorDevice(TOTPDevice):
    """A person's authenticator app (TOTP, RFC 6238), as django-otp keeps it."""

    class Meta:
        proxy = True
        verbose_name = "authenticator app"
