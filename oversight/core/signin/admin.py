"""The admin site, open only to a session verified with its second factor when two-factor
sign-in is required."""

from django.conf import settings
from django.contrib import admin


class VerifiedAdminSite(admin.AdminSite):
    """django-otp's OTPAdminSite rule, under MFA_REQUIRED: an administrator's session must
    have verified a second factor (OWASP ASVS 5.0, 6.3.3). The sign-in middleware already
    sends such a session to verify first; this holds even if a path were left open."""

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.MFA_REQUIRED or request.user.is_verified()
