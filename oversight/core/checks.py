"""System checks of the deployment (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

NO_SHARED_CACHE = "oversight.W001"


@checks.register(checks.Tags.security, deploy=True)
def throttle_counters_are_shared(app_configs, **kwargs):
    """The API throttles count in the cache: without Redis (CACHE_URL), each worker process
    counts on its own, and N processes allow N times the rate."""
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        return []
    return [
        checks.Warning(
            "The cache is not Redis: the API throttles count per worker process.",
            hint="Set CACHE_URL to a Redis database, such as redis://127.0.0.1:6379/1.",
            id=NO_SHARED_CACHE,
        )
    ]
