"""A caseworker logs and decides a referral in a real browser (Debian's Chromium)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from oversight.core.calendar import add_working_days
from oversight.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_caseworker_logs_a_referral_records_the_decision_and_sees_it_listed(
    page, live_server, caseworker, herts
):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    today = timezone.localdate()

    page.goto(f"{live_server.url}/referrals/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Username").fill(caseworker.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Referrals")).to_be_visible()
    expect(page.get_by_text("No referrals match these filters.")).to_be_visible()
    page.get_by_role("link", name="Log a referral").click()

    # Submitting an empty form shows the GOV.UK error summary and saves nothing.
    page.get_by_role("button", name="Log referral").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose the force that made the referral")
    expect(page).to_have_title("Error: Log a referral – Oversight case tracker")

    page.get_by_label("Force", exact=True).select_option("hertfordshire-constabulary")
    received = page.get_by_role("group", name="Date received")
    received.get_by_label("Day").fill(str(today.day))
    received.get_by_label("Month").fill(str(today.month))
    received.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Death or serious injury matter").check()
    page.get_by_label("Mandatory", exact=True).check()
    page.get_by_label("Death or serious injury", exact=True).check()
    page.get_by_label("Summary").fill("Man found unresponsive in a custody cell.")
    page.get_by_role("button", name="Log referral").click()

    reference = f"REF-{today.year}-000001"
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Referral {reference}")
    due = add_working_days(today, 3)
    expect(page.get_by_text(f"{due:%-d %B %Y} (3 working days after receipt)")).to_be_visible()

    page.get_by_role("link", name="Record the decision").click()
    page.get_by_role("radio", name="Independent").check()  # the date defaults to today
    # The statutory order: why local is not appropriate (Sch. 3 para. 15(4A)).
    page.get_by_label("Why is a local investigation (by the force) not appropriate?").fill(
        "Too serious for the force alone."
    )
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text(f"Decision recorded for {reference}.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Within target")
    expect(page.locator("#history ~ table")).to_contain_text("Determination recorded")
    expect(page.locator("#history ~ table")).to_contain_text(caseworker.display_name)

    page.get_by_role("link", name="Referrals", exact=True).click()
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Hertfordshire Constabulary")
    expect(row).to_contain_text("Independent")
    expect(row).to_contain_text("Within target")
    assert errors == []
