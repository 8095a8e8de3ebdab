"""Per request: end an idle session, and ask for the second factor before any page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_otp import DEVICE_ID_SESSION_KEY

from oversight.core.signin.rules import activity_due, idle_expired
from oversight.core.signin.session import HAS_AUTHENTICATOR, LAST_ACTIVITY, now_seconds

# The pages a signed-in person reaches before the second factor.
OPEN_URL_NAMES = ("login", "logout", "account:two-factor-verify", "account:two-factor-set-up")
TWO_FACTOR_REQUIRED = "Sign in with your second factor first: /account/two-factor/verify/"


def idle_message(minutes: int) -> str:
    return f"You were signed out because you were inactive for {minutes} minutes"


def _session_signed_in(request) -> bool:
    """A person signed in through the pages (an API token is read by DRF later, not here)."""
    return request.user.is_authenticated


class IdleTimeoutMiddleware:
    """Sign out a session idle for SESSION_IDLE_MINUTES and send the person to sign in with
    a message saying why (OWASP ASVS 5.0, 7.3.1: an inactivity timeout; 7.4.1: the ended
    session cannot be used again). The last activity is written at most once a minute, so
    that most pages add no session write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _session_signed_in(request):
            now = now_seconds()
            last = request.session.get(LAST_ACTIVITY)
            minutes = settings.SESSION_IDLE_MINUTES
            if last is not None and idle_expired(
                last_activity=last, now=now, idle_minutes=minutes
            ):
                logout(request)
                messages.info(request, idle_message(minutes))
                if request.path.startswith("/api/"):
                    return self.get_response(request)  # now anonymous: the API's own 401/403
                return redirect_to_login(request.get_full_path())
            if activity_due(last_activity=last, now=now):
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)


class TwoFactorMiddleware:
    """Before any page, a signed-in person verifies a second factor: their authenticator app
    or a recovery code (OWASP ASVS 5.0, 6.3.3 at level 2: multi-factor authentication to use
    the application). With MFA_REQUIRED (the default unless DEBUG) every account must have
    one, and one without is sent to set it up before anything else; without it, those who
    set one up still verify it.

    At most one query a request: django-otp's OTPMiddleware loads the verified device of the
    session lazily; a session not yet verified is decided from the session alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _session_signed_in(request) or self._is_open(request):
            return self.get_response(request)
        if DEVICE_ID_SESSION_KEY in request.session and request.user.is_verified():
            return self.get_response(request)
        has_authenticator = request.session.get(HAS_AUTHENTICATOR, False)
        if not (settings.MFA_REQUIRED or has_authenticator):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": TWO_FACTOR_REQUIRED, "code": "two_factor_required"}, status=403
            )
        step = "account:two-factor-verify" if has_authenticator else "account:two-factor-set-up"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def _is_open(request) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        try:
            return resolve(request.path_info).view_name in OPEN_URL_NAMES
        except Resolver404:
            return False
