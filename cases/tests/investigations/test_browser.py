"""A caseworker opens an investigation from a referral and completes it, in a real browser."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.tests.factories import DecidedReferralFactory, ThemeFactory
from oversight.tests.factories import TEST_PASSWORD, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_caseworker_opens_an_investigation_from_a_referral_and_completes_it(
    page, live_server, caseworker
):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    today = timezone.localdate()
    ThemeFactory(code="mental_health", name="Mental health")
    referral = DecidedReferralFactory(
        organisation=OrganisationFactory(name="Hertfordshire Constabulary"),
        received_on=today - dt.timedelta(days=14),
        first_aware_on=today - dt.timedelta(days=20),
    )

    page.goto(f"{live_server.url}/referrals/{referral.reference}/")
    page.get_by_label("Username").fill(caseworker.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(referral.reference)
    page.get_by_role("link", name="Open an investigation").click()

    # The start date defaults to today and the lead to the signed-in caseworker.
    expect(page.get_by_role("heading", name="Open an investigation")).to_be_visible()
    page.get_by_label("Mental health").check()
    person = page.get_by_role("group", name="Person 1")
    person.get_by_label("Name").fill("Alex Smith")
    person.get_by_label("Rank or role (optional)").fill("PC")
    person.get_by_label("Collar number (optional)").fill("1234")
    page.get_by_role("button", name="Open investigation").click()

    reference = f"INV-{today.year}-000001"
    expect(page.get_by_text(f"Investigation {reference} opened.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Started")
    expect(page.locator("#timeline ~ ol")).to_contain_text("Investigation started")

    # Completing without an outcome for Alex Smith is refused with a clear message.
    page.get_by_role("link", name="Change the status").click()
    page.get_by_label("Completed").check()
    page.get_by_role("button", name="Save status").click()
    expect(page.get_by_role("alert")).to_contain_text("missing for PC Alex Smith (1234)")
    page.get_by_role("link", name="Back").click()

    page.get_by_role("link", name="Record outcomes for Alex Smith").click()
    allegation = page.get_by_role("group", name="Allegation 1")
    allegation.get_by_label("Allegation", exact=True).fill("Used excessive force on arrest")
    allegation.get_by_label("Investigator's opinion").select_option(
        label="Case to answer for misconduct"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Alex Smith saved.")).to_be_visible()

    page.get_by_role("link", name="Change the status").click()
    page.get_by_label("Completed").check()
    page.get_by_role("button", name="Save status").click()
    expect(page.get_by_text(f"Investigation {reference} completed.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Completed")
    expect(page.get_by_text("Met", exact=True)).to_have_count(2)
    expect(page.locator("#people ~ .govuk-summary-card")).to_contain_text(
        "Case to answer for misconduct"
    )
    expect(page.locator("#timeline ~ ol")).to_contain_text("Investigation completed")

    page.get_by_role("link", name="Investigations", exact=True).click()
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Hertfordshire Constabulary")
    expect(row).to_contain_text("Completed")
    assert errors == []
