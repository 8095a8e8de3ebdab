"""Your work, in a real browser: a caseworker signs in to their duties, follows an overdue
progress update to the case, logs the update and finds it no longer overdue; a manager sees
the caseloads, opens a person's work and the unallocated queue."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.tests.factories import InvestigationFactory, ReferralFactory
from oversight.tests.core.casework.factories import PartyFactory
from oversight.tests.core.casework.test_browser import fill_date
from oversight.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, url, user):
    page.goto(url)
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def duty_row(page, reference, duty):
    return page.get_by_role("row").filter(has_text=reference).filter(has_text=duty)


def test_a_caseworker_works_an_overdue_update_from_their_list(page, live_server, caseworker):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    today = timezone.localdate()
    investigation = InvestigationFactory(owner=caseworker, started_on=today - dt.timedelta(40))
    PartyFactory(investigation=investigation, name="Carys Evans")
    ReferralFactory(received_on=today - dt.timedelta(20))  # unallocated: not in their list

    sign_in(page, f"{live_server.url}/", caseworker)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work")
    expect(page.locator(".app-work-counts")).to_contain_text("1 overdue")
    update = duty_row(page, investigation.reference, "Update the complainant")
    expect(update).to_contain_text("Overdue")
    update.get_by_role("link", name=investigation.reference).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(investigation.reference)
    page.locator("#contacts").get_by_role("link", name="Log a contact").click()
    page.get_by_label("With").select_option(label="Carys Evans (complainant)")
    fill_date(page, "Date", today)
    page.get_by_label("Outbound").check()
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Progress update").check()
    page.get_by_role("button", name="Log contact").click()
    expect(page.locator("#contacts")).to_contain_text("Progress update")

    page.goto(f"{live_server.url}/")
    expect(page.locator(".app-work-counts")).to_contain_text("0 overdue")
    update = duty_row(page, investigation.reference, "Update the complainant")
    next_due = today + dt.timedelta(28)
    expect(update).to_contain_text(f"{next_due.day} {next_due:%b %Y}")
    expect(update).not_to_contain_text("Overdue")
    assert errors == []


def test_a_manager_sees_caseloads_anyones_work_and_the_queue(
    page, live_server, manager, caseworker
):
    today = timezone.localdate()
    InvestigationFactory(owner=caseworker, started_on=today - dt.timedelta(40))
    PartyFactory(investigation=caseworker.owned_investigations.get())
    queued = ReferralFactory(received_on=today - dt.timedelta(20))

    sign_in(page, f"{live_server.url}/", manager)
    caseloads = page.get_by_role("table").filter(has_text="Open cases")
    person = caseloads.get_by_role("row").filter(has_text=caseworker.display_name)
    expect(person).to_contain_text("1")
    person.get_by_role("link", name=caseworker.display_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Work of {caseworker.display_name}")
    expect(page.get_by_text("Update the complainant")).to_be_visible()

    page.get_by_role("link", name="Unallocated cases").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unallocated cases")
    expect(duty_row(page, queued.reference, "Decide the mode")).to_contain_text("Overdue")
