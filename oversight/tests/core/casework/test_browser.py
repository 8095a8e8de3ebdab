"""A caseworker adds a complainant to an investigation and logs a progress update, in a
real browser."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.tests.factories import InvestigationFactory
from oversight.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, legend, day):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_caseworker_adds_a_complainant_and_logs_a_progress_update(
    page, live_server, caseworker, herts
):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    investigation = InvestigationFactory(referral__organisation=herts)
    today = timezone.localdate()

    page.goto(f"{live_server.url}{investigation.get_absolute_url()}")
    page.get_by_label("Username").fill(caseworker.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    people = page.locator("#parties")
    expect(people).to_contain_text("No one recorded yet.")
    people.get_by_role("link", name="Add a person").click()

    # No name: a clear error, nothing saved.
    page.get_by_label("Complainant", exact=True).check()
    page.get_by_label("Welsh").check()
    page.get_by_role("button", name="Save person").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the person’s name")

    page.get_by_label("Name", exact=True).fill("Carys Evans")
    page.get_by_label("Vulnerable").check()
    page.get_by_label("Reasonable adjustments").fill("Large print letters")
    page.get_by_role("button", name="Save person").click()
    expect(page.locator("#parties")).to_contain_text("Carys Evans")
    expect(page.locator("#parties")).to_contain_text("Welsh")
    expect(page.locator("#parties")).to_contain_text("Vulnerable")

    page.locator("#contacts").get_by_role("link", name="Log a contact").click()
    page.get_by_label("With").select_option(label="Carys Evans (complainant)")
    fill_date(page, "Date", today)
    page.get_by_label("Outbound").check()
    page.get_by_label("Phone").check()
    page.get_by_label("Progress update").check()
    page.get_by_label("Summary").fill("Explained the next steps.")
    page.get_by_role("button", name="Log contact").click()

    contacts = page.locator("#contacts")
    expect(contacts).to_contain_text("Explained the next steps.")
    expect(contacts).to_contain_text("Progress update")
    assert errors == []
