"""The API's throttles: clients told apart by the address our proxies give (never a header
the client wrote), counted in the shared cache (Redis) so that every worker process counts
together. Use these instead of DRF's own classes."""

import logging

from redis.exceptions import RedisError
from rest_framework import throttling
from rest_framework.settings import api_settings

from oversight.core.addresses import client_address

logger = logging.getLogger(__name__)


class SharedCounterMixin:
    """Identify anonymous clients by `client_address`; let requests through if Redis is down.

    OWASP API Security Top 10 (2023) API4, unrestricted resource consumption: a limit that a
    forged X-Forwarded-For or a second worker process resets is no limit. A Redis outage must
    not take the API down with it (the sign-in lockout is in PostgreSQL and still holds)."""

    def get_rate(self):
        # Read at request time, so that settings (or a test) can change the rate.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_ident(self, request):
        return client_address(request) or ""

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except RedisError as error:
            logger.warning("API throttle not applied, the cache is unavailable: %s", error)
            return True


class AnonRateThrottle(SharedCounterMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(SharedCounterMixin, throttling.UserRateThrottle):
    pass
