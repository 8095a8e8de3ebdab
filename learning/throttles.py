"""Rate limiting of the recommendations API per API token.

A force's systems sync over the API with a token; each token has its own allowance, so
one misbehaving integration cannot starve another organisation's, and a person who holds
several tokens gets an allowance per token. A browser session falls back to the user.
"""

from knox.models import AuthToken
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from oversight.core.throttles import SharedCounterMixin

SCOPE = "recommendations_token"
DEFAULT_RATE = "600/minute"


class PerTokenRateThrottle(SharedCounterMixin, SimpleRateThrottle):
    """Throttles each knox token separately (keyed on its digest), else each signed-in user."""

    scope = SCOPE

    def get_rate(self):
        # Read at request time, so that settings (or a test) can change the rate.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope, DEFAULT_RATE)

    def get_cache_key(self, request, view):
        if isinstance(request.auth, AuthToken):
            ident = f"token:{request.auth.digest}"
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            return None  # anonymous requests are refused before they are throttled
        return self.cache_format % {"scope": self.scope, "ident": ident}
