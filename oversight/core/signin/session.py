"""What the session keeps about signing in, written when a person signs in."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from oversight.core.signin.selectors import has_authenticator

LAST_ACTIVITY = "last_activity"
# Whether the person had an authenticator app when they signed in: one query at sign-in, so
# that a request not yet verified needs none to know which step to send it to.
HAS_AUTHENTICATOR = "has_authenticator"


def now_seconds() -> float:
    return timezone.now().timestamp()


@receiver(user_logged_in, dispatch_uid="oversight-signin-session")
def start_session(sender, request, user, **kwargs):
    """A new session starts active, knowing whether the person has a second factor."""
    if request is None or not hasattr(request, "session"):
        return
    request.session[LAST_ACTIVITY] = now_seconds()
    request.session[HAS_AUTHENTICATOR] = has_authenticator(user)
