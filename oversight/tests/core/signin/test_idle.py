"""The idle session timeout and its warning (OWASP ASVS 5.0, 7.3.1, 7.4.1)."""

import datetime as dt

import pytest
import time_machine

from oversight.core.signin.middleware import idle_message
from oversight.core.signin.rules import activity_due, idle_expired, idle_seconds_left
from oversight.core.signin.session import LAST_ACTIVITY
from oversight.tests.core.signin.conftest import sign_in_with_password

START = dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("idle_seconds", "expired"), [(0, False), (1800, False), (1801, True), (7200, True)]
)
def test_asvs_7_3_1_a_session_idle_for_longer_than_the_timeout_has_ended(idle_seconds, expired):
    now = 1000.0 + idle_seconds
    assert idle_expired(last_activity=1000.0, now=now, idle_minutes=30) is expired


@pytest.mark.parametrize(
    ("last", "now", "due"), [(None, 5.0, True), (0.0, 59.0, False), (0.0, 60.0, True)]
)
def test_activity_is_written_at_most_once_a_minute(last, now, due):
    assert activity_due(last_activity=last, now=now) is due


def test_seconds_left_count_down_from_the_last_activity_and_stop_at_zero():
    assert idle_seconds_left(last_activity=0.0, now=600.0, idle_minutes=30) == 1200
    assert idle_seconds_left(last_activity=0.0, now=4000.0, idle_minutes=30) == 0
    assert idle_seconds_left(last_activity=None, now=4000.0, idle_minutes=30) == 1800


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.mark.django_db
def test_asvs_7_3_1_an_idle_session_is_signed_out_with_a_message(client, caseworker, clock):
    sign_in_with_password(client, caseworker)
    assert client.get("/referrals/").status_code == 200
    clock.shift(dt.timedelta(minutes=30, seconds=1))
    response = client.get("/referrals/?status=open")
    assert response["Location"] == "/sign-in/?next=/referrals/%3Fstatus%3Dopen"
    page = client.get(response["Location"])
    assert idle_message(30) in page.text
    assert idle_message(30) == "You were signed out because you were inactive for 30 minutes"
    # The old session is over: nothing more from it (7.4.1).
    assert client.get("/referrals/")["Location"].startswith("/sign-in/")


@pytest.mark.django_db
def test_a_request_within_the_timeout_keeps_the_session(client, caseworker, clock, settings):
    settings.SESSION_IDLE_MINUTES = 10
    sign_in_with_password(client, caseworker)
    for _ in range(5):
        clock.shift(dt.timedelta(minutes=9))
        assert client.get("/referrals/").status_code == 200


@pytest.mark.django_db
def test_the_last_activity_is_written_at_most_once_a_minute(client, caseworker, clock):
    sign_in_with_password(client, caseworker)
    signed_in = client.session[LAST_ACTIVITY]
    clock.shift(dt.timedelta(seconds=30))
    client.get("/referrals/")
    assert client.session[LAST_ACTIVITY] == signed_in
    clock.shift(dt.timedelta(seconds=31))
    client.get("/referrals/")
    assert client.session[LAST_ACTIVITY] == signed_in + 61


@pytest.mark.django_db
def test_stay_signed_in_records_activity(client, caseworker, clock):
    sign_in_with_password(client, caseworker)
    clock.shift(dt.timedelta(minutes=29))
    assert client.post("/account/keep-alive/").status_code == 204
    clock.shift(dt.timedelta(minutes=29))
    assert client.get("/referrals/").status_code == 200
    assert client.get("/account/keep-alive/").status_code == 405


@pytest.mark.django_db
def test_the_warning_is_on_signed_in_pages_with_the_seconds_left(client, caseworker, clock):
    sign_in_with_password(client, caseworker)
    clock.shift(dt.timedelta(seconds=50))  # within the minute: activity not yet written again
    page = client.get("/referrals/")
    assert 'data-module="app-idle-warning"' in page.text
    assert 'data-seconds-left="1750"' in page.text
    assert "app/idle-warning.js" in page.text
    assert "Stay signed in" in page.text


@pytest.mark.django_db
def test_the_warning_is_not_on_error_pages(client, caseworker):
    sign_in_with_password(client, caseworker)
    page = client.get("/referrals/NO-SUCH-REFERENCE/")
    assert page.status_code == 404
    assert "app-idle-warning" not in page.text
    assert "idle-warning.js" not in page.text


@pytest.mark.django_db
def test_an_api_token_is_not_timed_out(client, liaison, clock):
    from oversight.core.services import api_token_create

    key = api_token_create(user=liaison)
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    clock.shift(dt.timedelta(hours=2))
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
