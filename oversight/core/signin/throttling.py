"""The sign-in throttle: django-axes' database handler, with a limit per address on top of
its limit per username and address."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AddressLimitHandler(AxesDatabaseHandler):
    """Lock out a username at one address after AXES_FAILURE_LIMIT failures (5), and the
    address itself after AXES_ADDRESS_FAILURE_LIMIT failures (50) whatever the usernames, so
    that trying one password on many accounts is stopped while an office behind one address
    still signs in (OWASP ASVS 5.0, 6.3.1: controls against credential stuffing and password
    brute force).

    axes compares one count with one limit; the address's failures are counted from axes' own
    attempts rows (within the cool-off period) and, at their limit, reported as the per-user
    limit reached, so that axes' checks before and after a failure lock out alike."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        limit = get_failure_limit(request, credentials)
        if failures >= limit:
            return failures
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return limit
        return failures


def address_failures(request) -> int:
    """Failed sign-ins from the request's address within the cool-off period, any username."""
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
