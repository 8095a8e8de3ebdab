"""A caseworker records an application, judges it valid and decides it, in a real browser."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appeals.services import messages
from appeals.tests.factories import LateApplicationFactory
from oversight.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, legend, day):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_caseworker_records_judges_and_decides_a_review(page, live_server, caseworker, herts):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    today = timezone.localdate()

    page.goto(f"{live_server.url}/applications/")
    page.get_by_label("Username").fill(caseworker.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Appeals and reviews")).to_be_visible()
    expect(page.get_by_text("No applications match these filters.")).to_be_visible()
    page.get_by_role("link", name="Record an application").click()

    # Dates out of order: a clear error, nothing saved.
    page.get_by_label("Force", exact=True).select_option("hertfordshire-constabulary")
    page.get_by_label("Force's complaint reference (optional)").fill("CO/123/24")
    fill_date(page, "Date the complaint was made", today - dt.timedelta(days=100))
    fill_date(page, "Date the complainant was told the outcome", today - dt.timedelta(days=10))
    fill_date(page, "Date the application was received", today - dt.timedelta(days=11))
    page.get_by_label("The complainant", exact=True).check()
    page.get_by_label("The outcome of an investigation").check()
    page.get_by_label(
        "Any part was referred, or should have been referred, to the oversight body"
    ).check()
    page.get_by_role("button", name="Record application").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The application cannot have been received before the complainant was told the outcome."
    )
    expect(page).to_have_title("Error: Record an application – Oversight case tracker")

    fill_date(page, "Date the application was received", today)
    page.get_by_role("button", name="Record application").click()

    reference = f"REV-{today.year}-000001"
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Review {reference}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Awaiting validity check")
    expect(page.get_by_text("In time", exact=True)).to_be_visible()

    page.get_by_role("link", name="Judge validity").click()
    page.get_by_label("Valid", exact=True).check()  # the date defaults to today
    page.get_by_role("button", name="Record validity").click()
    expect(page.get_by_text(f"Validity recorded for {reference}.")).to_be_visible()

    page.get_by_role("link", name="Record the decision").click()
    page.get_by_label("No, not reasonable and proportionate (upheld)").check()
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Select the follow-up directed now that the application is upheld."
    )
    page.get_by_label("Re-investigation").check()
    page.get_by_role("button", name="Record decision").click()

    expect(page.get_by_text(f"Decision recorded for {reference}.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Not reasonable and proportionate (upheld)"
    )
    expect(page.locator("#history ~ table")).to_contain_text("Application changed")
    expect(page.locator("#history ~ table")).to_contain_text(caseworker.display_name)
    expect(page.get_by_role("link", name="Record the decision")).to_have_count(0)

    page.get_by_role("link", name="Appeals and reviews", exact=True).click()
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Hertfordshire Constabulary")
    expect(row).to_contain_text("Not reasonable and proportionate (upheld)")
    assert errors == []


def sign_in(page, live_server, user, path):
    page.goto(f"{live_server.url}{path}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_review_body_accepts_a_late_application_for_special_circumstances(
    page, live_server, caseworker
):
    """A late application judged valid from the page, with the special circumstances recorded
    (the review body's power to accept a late application): the 'Made out of time' reason the
    facts point to must not stop 'Valid' being chosen."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    today = timezone.localdate()
    application = LateApplicationFactory(
        complaint_made_on=today - dt.timedelta(days=200),
        outcome_notified_on=today - dt.timedelta(days=60),
        received_on=today - dt.timedelta(days=1),
    )
    assert application.made_in_time is False

    sign_in(page, live_server, caseworker, f"/applications/{application.reference}/")
    expect(page.get_by_text("Late", exact=True)).to_be_visible()
    page.get_by_role("link", name="Judge validity").click()
    expect(page.get_by_text("Made late")).to_be_visible()

    # Valid without special circumstances: refused, with the reason, nothing saved.
    page.get_by_label("Valid", exact=True).check()
    page.get_by_role("button", name="Record validity").click()
    expect(page.get_by_role("alert")).to_contain_text(messages.LATE_NEEDS_SPECIAL_CIRCUMSTANCES)
    expect(page.get_by_role("alert")).not_to_contain_text(messages.NO_REASON_WHEN_VALID)

    # Valid, with the special circumstances: accepted although late.
    page.get_by_label("Valid", exact=True).check()
    page.get_by_label("If accepted although late, the special circumstances").fill(
        "The complainant was in hospital for the whole 28 days."
    )
    page.get_by_role("button", name="Record validity").click()
    expect(page.get_by_text(f"Validity recorded for {application.reference}.")).to_be_visible()
    expect(page.get_by_text("Late, accepted", exact=True)).to_be_visible()
    circumstances = page.locator(".govuk-summary-list__row").filter(
        has_text="Special circumstances for accepting it late"
    )
    expect(circumstances).to_contain_text("The complainant was in hospital for the whole 28 days.")
    expect(page.get_by_role("link", name="Record the decision")).to_be_visible()

    application.refresh_from_db()
    assert (application.status, application.is_valid, application.invalid_reason) == (
        "valid",
        True,
        "",
    )
    assert application.judged_by == caseworker
    assert errors == []
