"""A manager opens the dashboard and presses "Recalculate now" in a real browser."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from cases.tests.factories import DecidedReferralFactory
from oversight.core.models import Organisation
from oversight.tests.factories import TEST_PASSWORD, ManagerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_recalculates_and_sees_the_new_figures(page, live_server):
    herts, _ = Organisation.objects.get_or_create(
        code="hertfordshire-constabulary",
        defaults={"name": "Hertfordshire Constabulary", "kind": "territorial_force"},
    )
    manager = ManagerFactory(username="mo")
    DecidedReferralFactory.create_batch(3, organisation=herts, received_on=dt.date(2019, 5, 1))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(manager.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Performance").click()
    expect(page.get_by_text("Figures have not been computed yet.")).to_be_visible()

    page.get_by_label("Financial year").fill("2019-20")
    page.get_by_role("button", name="Show year").click()
    page.get_by_role("button", name="Recalculate now").click()

    expect(page.get_by_role("heading", name="Performance 2019/20")).to_be_visible()
    expect(page.get_by_text("Figures computed")).to_be_visible()
    expect(page.get_by_text("Last recalculation: done")).to_be_visible()
    against_target = page.get_by_role("table", name=re.compile("against target"))
    row = against_target.get_by_role("row").filter(
        has_text="Referrals: mode decided within 3 working days"
    )
    expect(row).to_contain_text("100.0%")
    expect(row).to_contain_text("3 of 3")
    expect(page.locator("#trend-chart")).to_be_visible()
    assert errors == []
