"""Two-factor sign-in and the idle warning, in a real browser: a caseworker sets up an
authenticator app from the QR page's key, keeps the recovery codes, signs out and signs in
again with a code; a signed-in page warns before the idle timeout and "Stay signed in"
keeps the session."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from oversight.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(secret: str, steps_ahead: int = 0) -> str:
    return f"{totp(b32decode(secret.replace(' ', '')), drift=steps_ahead):06d}"


def _sign_in(page, url, user):
    page.goto(url)
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _watch_errors(page) -> list[str]:
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return errors


def test_a_caseworker_sets_up_two_factor_and_signs_in_with_a_code(
    page, live_server, caseworker, settings
):
    settings.MFA_REQUIRED = True
    errors = _watch_errors(page)
    _sign_in(page, f"{live_server.url}/recommendations/", caseworker)

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    expect(page.locator(".app-qr-code svg")).to_be_visible()
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Code from your app").fill(_code(secret))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Two-factor sign-in is set up")).to_be_visible()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Continue").click()
    expect(page).to_have_url(f"{live_server.url}/recommendations/")

    page.get_by_role("button", name=f"Sign out {caseworker.username}").click()
    _sign_in(page, f"{live_server.url}/recommendations/", caseworker)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    # The set-up spent this step's code: the app's next one (the server accepts one step of drift).
    page.get_by_label("Code").fill(_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{live_server.url}/recommendations/")
    expect(page.get_by_role("link", name="Your account")).to_be_visible()
    assert errors == []


def test_the_idle_warning_shows_before_the_timeout_and_stay_signed_in_keeps_the_session(
    page, live_server, caseworker
):
    errors = _watch_errors(page)
    page.clock.install()
    _sign_in(page, f"{live_server.url}/recommendations/", caseworker)
    expect(page).to_have_url(f"{live_server.url}/recommendations/")
    page.wait_for_load_state("domcontentloaded")  # the warning's script has run (a module)
    warning = page.get_by_text("You will be signed out soon")
    expect(warning).to_be_hidden()

    page.clock.fast_forward("27:00")
    expect(warning).to_be_hidden()
    page.clock.fast_forward("01:30")  # 28.5 minutes: within the last two
    expect(warning).to_be_visible()
    expect(page.get_by_role("button", name="Stay signed in")).to_be_focused()

    with page.expect_response("**/account/keep-alive/") as keep_alive:
        page.get_by_role("button", name="Stay signed in").click()
    assert keep_alive.value.status == 204
    expect(warning).to_be_hidden()
    assert errors == []
