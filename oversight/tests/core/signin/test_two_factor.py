"""Two-factor sign-in: setting up an authenticator app, the second step of signing in, the
recovery codes, MFA_REQUIRED, the admin, and a reset for a lost phone (OWASP ASVS 5.0,
6.3.3, 6.5.1, 6.4.4)."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.core.signin import services
from oversight.core.signin.middleware import TWO_FACTOR_REQUIRED
from oversight.tests.core.signin.conftest import code_for, enrol, sign_in_with_password
from oversight.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

SET_UP = "/account/two-factor/set-up/"
VERIFY = "/account/two-factor/verify/"
CODES = "/account/two-factor/recovery-codes/"
TwoFactorEvent = apps.get_model("oversight", "TwoFactorEvent")
START = dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def enrolled(caseworker, clock):
    device, codes = enrol(caseworker)
    clock.shift(dt.timedelta(seconds=60))  # the enrolment's code is spent: the app moves on
    return device, codes


def _verify(client, token, next_url="/referrals/"):
    return client.post(VERIFY, {"token": token, "next": next_url})


def test_asvs_6_3_3_mfa_required_sends_an_account_without_an_app_to_set_one_up_first(
    client, caseworker, mfa_required
):
    assert sign_in_with_password(client, caseworker).status_code == 302
    for path in ("/referrals/", "/", "/admin/", "/account/password/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(SET_UP)
    assert client.get("/referrals/")["Location"] == f"{SET_UP}?next=%2Freferrals%2F"


def test_an_unverified_session_is_refused_by_the_api_with_403(client, caseworker, mfa_required):
    sign_in_with_password(client, caseworker)
    response = client.get("/api/v1/me/")
    assert response.status_code == 403
    assert response.json()["detail"] == TWO_FACTOR_REQUIRED


def test_without_mfa_required_an_account_without_an_app_signs_in_with_a_password(
    client, caseworker
):
    sign_in_with_password(client, caseworker)
    assert client.get("/referrals/").status_code == 200


def test_set_up_shows_the_qr_code_as_svg_and_the_secret_as_text(client, caseworker, mfa_required):
    sign_in_with_password(client, caseworker)
    page = client.get(SET_UP)
    assert page.status_code == 200
    assert "<svg" in page.text
    assert "<path" in page.text
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    secret = page.context["secret"].replace(" ", "")
    assert secret
    assert secret in device.config_url
    # Reloading keeps the same secret (the app may already hold it).
    assert client.get(SET_UP).context["secret"] == page.context["secret"]


def test_set_up_with_a_wrong_code_is_refused_and_shows_the_error(client, caseworker, mfa_required):
    sign_in_with_password(client, caseworker)
    client.get(SET_UP)
    response = client.post(SET_UP, {"token": "000000"})
    assert response.status_code == 200
    assert services.WRONG_CODE in response.text
    assert "govuk-error-summary" in response.text
    assert not TOTPDevice.objects.filter(user=caseworker, confirmed=True).exists()
    assert client.get("/referrals/").status_code == 302


def test_set_up_with_the_right_code_shows_ten_recovery_codes_once_and_signs_in(
    client, caseworker, mfa_required, clock
):
    sign_in_with_password(client, caseworker)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=caseworker)
    response = client.post(SET_UP, {"token": code_for(device), "next": "/referrals/"})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 == len(set(codes))
    assert all(code in response.text for code in codes)
    assert client.get("/referrals/").status_code == 200
    # Never shown again: the page of recovery codes only counts them.
    page = client.get(CODES)
    assert "You have 10 unused recovery codes" in page.text
    assert not any(code in page.text for code in codes)
    (event,) = TwoFactorEvent.objects.all()
    assert (event.pgh_label, event.user_id, event.confirmed) == (
        "two_factor_enrol",
        caseworker.pk,
        True,
    )


def test_set_up_is_refused_to_an_unverified_session_of_an_account_with_an_app(
    client, caseworker, enrolled
):
    """Otherwise a stolen password would be enough to add a second app."""
    sign_in_with_password(client, caseworker)
    response = client.get(SET_UP)
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=caseworker).count() == 1


def test_asvs_6_3_3_an_account_with_an_app_verifies_it_before_any_page(
    client, caseworker, enrolled
):
    """Even when two-factor sign-in is not required of everyone."""
    sign_in_with_password(client, caseworker)
    response = client.get("/referrals/")
    assert response["Location"] == f"{VERIFY}?next=%2Freferrals%2F"
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_verify_with_a_wrong_code_is_refused(client, caseworker, enrolled):
    sign_in_with_password(client, caseworker)
    response = _verify(client, "123456")
    assert response.status_code == 200
    assert services.WRONG_SIGN_IN_CODE in response.text
    assert client.get("/referrals/").status_code == 302


def test_verify_with_the_right_code_signs_in_with_a_new_session_key(
    client, caseworker, enrolled, clock
):
    device, _ = enrolled
    sign_in_with_password(client, caseworker)
    _verify(client, "123456")
    clock.shift(dt.timedelta(seconds=5))  # django-otp throttles after a wrong code
    before = client.session.session_key
    response = _verify(client, code_for(device))
    assert response["Location"] == "/referrals/"
    assert client.session.session_key != before  # OWASP ASVS 5.0, 7.2.4
    assert client.get("/referrals/").status_code == 200


def test_asvs_6_5_1_an_app_code_is_usable_once(client, caseworker, enrolled):
    device, _ = enrolled
    sign_in_with_password(client, caseworker)
    code = code_for(device)
    assert _verify(client, code).status_code == 302
    client.logout()
    sign_in_with_password(client, caseworker)
    assert _verify(client, code).status_code == 200  # refused: already used


def test_asvs_6_5_1_a_recovery_code_signs_in_once(client, caseworker, enrolled):
    _, codes = enrolled
    sign_in_with_password(client, caseworker)
    assert _verify(client, codes[0].upper()).status_code == 302
    assert client.get("/referrals/").status_code == 200
    client.logout()
    sign_in_with_password(client, caseworker)
    assert _verify(client, codes[0]).status_code == 200  # used up
    assert StaticToken.objects.filter(device__user=caseworker).count() == 9


def test_new_recovery_codes_need_the_password_and_replace_the_old(
    client, caseworker, enrolled, clock
):
    device, old = enrolled
    sign_in_with_password(client, caseworker)
    _verify(client, code_for(device))
    refused = client.post(CODES, {"password": "not-it"})
    assert "Your password is not right" in refused.text
    response = client.post(CODES, {"password": TEST_PASSWORD})
    new = response.context["codes"]
    assert len(new) == 10
    assert not set(new) & set(old)
    client.logout()
    sign_in_with_password(client, caseworker)
    assert _verify(client, old[1]).status_code == 200  # the old set no longer works
    clock.shift(dt.timedelta(seconds=5))
    assert _verify(client, new[0]).status_code == 302


def test_the_admin_needs_a_verified_session_when_mfa_is_required(
    client, admin_user, mfa_required, clock
):
    device, _ = enrol(admin_user)
    clock.shift(dt.timedelta(seconds=60))
    sign_in_with_password(client, admin_user)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    _verify(client, code_for(device), next_url="/admin/")
    assert client.get("/admin/").status_code == 200


def test_the_admin_site_itself_refuses_an_unverified_session(rf, admin_user, mfa_required):
    """Without the middleware (a path left open by mistake), the admin still refuses."""
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = admin_user
    admin_user.is_verified = lambda: False
    assert not admin.site.has_permission(request)
    admin_user.is_verified = lambda: True
    assert admin.site.has_permission(request)


def test_asvs_6_4_4_a_reset_makes_the_person_set_up_again_and_is_in_the_history(
    client, caseworker, enrolled, mfa_required, admin_user
):
    device, _ = enrolled
    sign_in_with_password(client, caseworker)
    _verify(client, code_for(device))
    assert client.get("/referrals/").status_code == 200
    out = StringIO()
    call_command("reset_two_factor", caseworker.username, "--by", admin_user.username, stdout=out)
    assert "Reset two-factor sign-in for casey" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=caseworker).exists()
    assert not StaticToken.objects.filter(device__user=caseworker).exists()
    # The session verified by the old app is verified no longer.
    assert client.get("/referrals/")["Location"].startswith(VERIFY)
    assert client.get(VERIFY)["Location"].startswith(SET_UP)
    assert DEVICE_ID_SESSION_KEY not in client.session
    event = TwoFactorEvent.objects.get(pgh_label="two_factor_reset")
    assert event.user_id == caseworker.pk
    assert event.pgh_context.metadata["two_factor_reset_by"] == "ada (reset_two_factor)"


def test_an_admin_resets_two_factor_from_the_users_list(
    client_as, caseworker, enrolled, admin_user
):
    client = client_as(admin_user)
    response = client.post(
        reverse("admin:oversight_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [caseworker.pk]},
        follow=True,
    )
    assert "Two-factor sign-in reset for 1 user(s)" in response.text
    assert not TOTPDevice.objects.filter(user=caseworker).exists()
    event = TwoFactorEvent.objects.get(pgh_label="two_factor_reset")
    assert event.pgh_context.metadata["two_factor_reset_by"] == "ada"
    assert client.get(reverse("admin:oversight_twofactorevent_changelist")).status_code == 200


def test_the_account_page_links_the_password_change_and_two_factor(client_as, caseworker):
    page = client_as(caseworker).get("/account/")
    assert 'href="/account/password/"' in page.text
    assert 'href="/account/two-factor/set-up/"' in page.text
    assert 'href="/account/"' in client_as(caseworker).get("/referrals/").text


def test_an_api_token_is_not_asked_for_a_second_factor(client, liaison, mfa_required):
    from oversight.core.services import api_token_create

    key = api_token_create(user=liaison)
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200


def test_a_verified_session_costs_one_query_a_request_and_no_second_factor_none(
    client, caseworker, clock
):
    """The device of the session, loaded by django-otp's middleware; nothing else."""
    sign_in_with_password(client, caseworker)
    client.get("/referrals/")
    with CaptureQueriesContext(connection) as plain:
        client.get("/referrals/")
    device, _ = enrol(caseworker)
    clock.shift(dt.timedelta(seconds=60))
    client.logout()
    sign_in_with_password(client, caseworker)
    _verify(client, code_for(device))
    client.get("/referrals/")
    with CaptureQueriesContext(connection) as verified:
        client.get("/referrals/")
    assert len(verified) == len(plain) + 1
    assert "otp_totp_totpdevice" in verified.captured_queries[2]["sql"]
