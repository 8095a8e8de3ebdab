"""A force liaison signs in and answers a recommendation in a real browser (Debian's Chromium)."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from learning.models import RecommendationResponse
from learning.tests.factories import (
    IssuedRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
    themed,
)
from oversight.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_liaison_sees_only_their_organisations_recommendations_and_responds(
    page, live_server, liaison, herts, met
):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    mine = IssuedRecommendationFactory(
        recipient=herts, theme=themed("Custody"), text="Carry out rousing checks every 30 minutes."
    )
    answered = RespondedRecommendationFactory(recipient=herts, theme=themed("Stop and search"))
    # Retired themes, so that the theme filter (which offers the active ones) shows neither.
    theirs = IssuedRecommendationFactory(
        recipient=met, theme=themed("Vehicle pursuits", is_active=False)
    )
    draft = RecommendationFactory(recipient=herts, theme=themed("Not yet issued", is_active=False))

    page.goto(f"{live_server.url}/recommendations/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Username").fill(liaison.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(
        page.get_by_role("heading", name="Recommendations to your organisation")
    ).to_be_visible()
    table = page.get_by_role("table")
    expect(table).to_contain_text(mine.reference)
    expect(table).to_contain_text(answered.reference)
    body = page.locator("body")
    for hidden in (theirs.reference, "Vehicle pursuits", draft.reference, "Not yet issued"):
        expect(body).not_to_contain_text(hidden)
    expect(body).not_to_contain_text("Metropolitan Police Service")
    expect(page.get_by_role("row")).to_have_count(3)  # the header and their two

    # Filtering by status keeps to their own.
    page.get_by_label("Status").select_option("issued")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("row")).to_have_count(2)

    page.get_by_role("link", name=mine.reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(mine.reference)
    expect(page.get_by_text("Carry out rousing checks every 30 minutes.")).to_be_visible()
    page.get_by_role("link", name="Respond to this recommendation").click()

    # An empty response is refused with the GOV.UK error summary.
    page.get_by_role("button", name="Send response").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the organisation's response")

    page.get_by_label("Partially accepted").check()
    page.get_by_label("Response", exact=True).fill("We accept the checks but not the interval.")
    page.get_by_role("group", name="Is this the organisation's final response?").get_by_label(
        "Yes"
    ).check()
    page.get_by_label("Representations against publication (optional)").fill(
        "The second paragraph names an officer."
    )
    first_action = page.get_by_role("group", name="Planned action 1")
    first_action.get_by_label("Action").fill("Revise the custody policy")
    planned = first_action.get_by_role("group", name="Planned date (optional)")
    # Within the year ahead that every date is bounded by.
    planned_on = timezone.localdate() + dt.timedelta(days=180)
    planned.get_by_label("Day").fill(str(planned_on.day))
    planned.get_by_label("Month").fill(str(planned_on.month))
    planned.get_by_label("Year").fill(str(planned_on.year))
    page.get_by_role("button", name="Send response").click()

    expect(page.get_by_text(f"Response to {mine.reference} recorded.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Partially accepted")
    expect(page.locator("#responses ~ div")).to_contain_text("Revise the custody policy")
    expect(page.locator("#responses ~ div")).to_contain_text("names an officer")
    expect(page.get_by_role("link", name="Respond to this recommendation")).to_have_count(0)
    answer = RecommendationResponse.objects.get(recommendation=mine)
    assert (answer.status, answer.received_via, answer.submitted_by) == (
        "partially_accepted",
        "online",
        liaison,
    )
    assert answer.representations == "The second paragraph names an officer."

    assert errors == []

    # Another organisation's recommendation is not found, even by its address.
    response = page.goto(f"{live_server.url}/recommendations/{theirs.reference}/")
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text("Vehicle pursuits")


def test_a_caseworker_drafts_issues_and_records_a_paper_response(
    page, live_server, caseworker, herts
):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    themed("Custody")
    page.goto(f"{live_server.url}/recommendations/")
    page.get_by_label("Username").fill(caseworker.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_text("No recommendations match these filters.")).to_be_visible()
    page.get_by_role("link", name="Draft a recommendation").click()
    page.get_by_label("Investigation", exact=True).check()
    page.get_by_label("Investigation or application reference").fill("INV-2022-000045")
    page.get_by_label("Recipient").select_option("hertfordshire-constabulary")
    page.get_by_label("Theme").select_option(label="Custody")  # from the list of themes
    page.get_by_label("Training").check()
    page.get_by_label("Recommendation", exact=True).fill("Train officers in rousing checks.")
    page.get_by_role("group", name="Is it a statutory recommendation?").get_by_label("Yes").check()
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Draft")
    page.get_by_role("link", name="Issue recommendation").click()
    page.get_by_role("button", name="Issue recommendation").click()  # the date defaults to today
    expect(page.locator("#due")).to_contain_text("55 days left")

    page.get_by_role("link", name="Record a response").click()
    page.get_by_label("Accepted", exact=True).check()
    page.get_by_label("Response", exact=True).fill("Accepted in full.")
    page.get_by_label("Paper (by post)").check()
    page.get_by_role("group", name="Is this the organisation's final response?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("button", name="Record response").click()
    # The date received is required when staff record a response.
    expect(page.get_by_role("alert")).to_contain_text("Enter the date the response was received")
    received = page.get_by_role("group", name="Date the response was received")
    today = timezone.localdate()
    received.get_by_label("Day").fill(str(today.day))
    received.get_by_label("Month").fill(str(today.month))
    received.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Record response").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Accepted")
    expect(page.locator("#history ~ table")).to_contain_text("Response recorded")
    page.get_by_role("link", name="Recommendations", exact=True).click()
    row = page.get_by_role("row").filter(has_text="Custody")
    expect(row).to_contain_text("Hertfordshire Constabulary")
    expect(row).to_contain_text("Accepted")
    assert errors == []
