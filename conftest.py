"""Fixtures shared by every app's tests."""

import datetime as dt
import os

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from oversight.tests.factories import (
    AdminFactory,
    CaseworkerFactory,
    LiaisonFactory,
    LocalPolicingBodyFactory,
    ManagerFactory,
    OrganisationFactory,
)

# Playwright's sync API keeps an event loop running in the test thread, which trips Django's
# guard against sync ORM calls from async code; the test code itself is plain sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def _cache_redis():
    """A client of the Redis the cache uses, or None when the cache is in memory."""
    config = settings.CACHES["default"]
    if not config["BACKEND"].endswith("RedisCache"):
        return None
    return redis.Redis.from_url(config["LOCATION"])


@pytest.fixture(autouse=True)
def _fresh_throttle_counters(_cache_redis):
    """Each test starts with no API throttle counted: only the cache's own keys are deleted
    (its prefix), never the rest of the Redis database."""
    if _cache_redis is None:
        cache.clear()
        return
    keys = list(_cache_redis.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    if keys:
        _cache_redis.delete(*keys)


@pytest.fixture
def today():
    return dt.date(2024, 6, 3)


@pytest.fixture
def herts(db):
    return OrganisationFactory(name="Hertfordshire Constabulary")


@pytest.fixture
def herts_pcc(herts):
    """Hertfordshire's local policing body, linked to the force as the migration links it."""
    body = LocalPolicingBodyFactory()
    if herts.local_policing_body_id != body.pk:
        herts.local_policing_body = body
        herts.save(update_fields=["local_policing_body"])
    return body


@pytest.fixture
def met(db):
    return OrganisationFactory(name="Metropolitan Police Service")


@pytest.fixture
def caseworker(db):
    return CaseworkerFactory(username="casey")


@pytest.fixture
def manager(db):
    return ManagerFactory(username="morgan")


@pytest.fixture
def admin_user(db):
    return AdminFactory(username="ada")


@pytest.fixture
def liaison(db, herts):
    return LiaisonFactory(username="lee", organisation=herts)


@pytest.fixture
def client_as(client):
    """Sign the test client in as a user (force_login: no password, no sign-in throttle)."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def users(caseworker, manager, admin_user, liaison):
    return {
        "caseworker": caseworker,
        "manager": manager,
        "admin": admin_user,
        "force_liaison": liaison,
    }


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; flags for a closed network, as root."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
