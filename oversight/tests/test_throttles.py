"""API throttles and the sign-in lockout tell clients apart by the address our proxies give,
never by a header the client wrote (RFC 7239 s. 8.1), and count in Redis, shared by every
worker process (OWASP API Security Top 10 2023, API4 unrestricted resource consumption)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.urls import reverse
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from oversight.core.checks import NO_SHARED_CACHE, throttle_counters_are_shared
from oversight.core.refusals.models import RefusedRequest
from oversight.core.services import api_token_create

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = "/api/v1/public/recommendations/"
PROXY = "10.0.0.5"  # the load balancer in front, as REMOTE_ADDR
LIMIT = 5


@pytest.fixture(autouse=True)
def _low_anonymous_rate(monkeypatch):
    monkeypatch.setitem(api_settings.DEFAULT_THROTTLE_RATES, "anon", f"{LIMIT}/minute")


def get(forwarded=None, remote=PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return APIClient().get(PUBLIC, **headers).status_code


def test_a_forged_rotating_x_forwarded_for_is_throttled_with_no_proxies(settings):
    settings.NUM_PROXIES = 0
    codes = [get(forwarded=f"198.51.100.{n}") for n in range(LIMIT + 1)]
    assert codes == [200] * LIMIT + [429]


def test_behind_one_proxy_its_address_for_the_client_is_counted(settings):
    settings.NUM_PROXIES = 1
    # A client forging the first entry is still counted by the entry our proxy appended.
    forged = [get(forwarded=f"192.0.2.{n}, 203.0.113.9") for n in range(LIMIT + 1)]
    assert forged == [200] * LIMIT + [429]
    # Another client behind the same proxy has an allowance of its own.
    assert get(forwarded="203.0.113.10") == 200


def test_the_counter_is_shared_with_another_process_through_redis():
    cache = django_settings.CACHES["default"]
    assert cache["BACKEND"].endswith("RedisCache"), "the tests run with CACHE_URL set to Redis"
    script = (
        "import django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from rest_framework.request import Request\n"
        "from oversight.core.throttles import AnonRateThrottle\n"
        f"request = Request(RequestFactory().get('/', REMOTE_ADDR={PROXY!r}))\n"
        f"print([AnonRateThrottle().allow_request(request, None) for _ in range({LIMIT - 2})])\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oversight.settings",
        "CACHE_URL": cache["LOCATION"],
        "CACHE_KEY_PREFIX": cache["KEY_PREFIX"],
        "API_THROTTLE_ANON": f"{LIMIT}/minute",
    }
    other = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert other.stdout.strip().splitlines()[-1:] == [str([True] * (LIMIT - 2))], other.stderr
    assert [get() for _ in range(3)] == [200, 200, 429]


def test_with_redis_down_the_api_still_answers(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    assert [get() for _ in range(LIMIT + 1)] == [200] * (LIMIT + 1)


def failed_sign_in(client, forwarded):
    return client.post(
        reverse("login"),
        {"username": "casey", "password": "wrong"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_a_forged_x_forwarded_for_does_not_escape_the_sign_in_lockout(
    settings, client, caseworker
):
    settings.NUM_PROXIES = 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        failed_sign_in(client, f"198.51.100.{n}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}
    assert failed_sign_in(client, "198.51.100.99").status_code == 429  # locked out


def test_behind_a_proxy_the_sign_in_lockout_counts_the_proxys_address(
    settings, client, caseworker
):
    settings.NUM_PROXIES = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        failed_sign_in(client, f"192.0.2.{n}, 203.0.113.9")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    assert failed_sign_in(client, "192.0.2.99, 203.0.113.9").status_code == 429
    assert failed_sign_in(client, "203.0.113.10").status_code == 200  # another address


@pytest.mark.parametrize(("proxies", "recorded"), [(0, PROXY), (1, "203.0.113.9")])
def test_a_refused_request_records_the_address_our_proxies_give(
    settings, liaison, proxies, recorded
):
    settings.NUM_PROXIES = proxies
    client = APIClient(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9")
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=liaison)}")
    assert client.get("/api/v1/referrals/").status_code in (403, 404)
    assert RefusedRequest.objects.get().address == recorded


def test_check_deploy_warns_when_the_throttle_counters_are_not_in_redis(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in throttle_counters_are_shared(None)] == [NO_SHARED_CACHE]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
        }
    }
    assert throttle_counters_are_shared(None) == []
