"""The idle warning's timings, for every page of a signed-in session."""

from django.conf import settings

from oversight.core.signin.rules import idle_seconds_left
from oversight.core.signin.session import LAST_ACTIVITY, now_seconds

# The warning shows this long before the session would end.
WARN_SECONDS = 120


def idle_warning(request):
    """For the warning's script: seconds until the session ends counted from the session's
    recorded activity (written at most once a minute, so possibly before this page)."""
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not user.is_authenticated:
        return {}
    minutes = settings.SESSION_IDLE_MINUTES
    left = idle_seconds_left(
        last_activity=session.get(LAST_ACTIVITY), now=now_seconds(), idle_minutes=minutes
    )
    return {
        "idle_warning": {
            "seconds_left": left,
            "idle_seconds": minutes * 60,
            "warn_seconds": WARN_SECONDS,
            "minutes": minutes,
        }
    }
