import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from cases.models import Theme
from learning.models import Recommendation, RecommendationResponse
from learning.services import messages
from learning.tests.factories import (
    IssuedRecommendationFactory,
    OverdueRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
    themed,
)
from oversight.core.models import ViewLog
from oversight.tests.helpers import date_fields, pagination_link

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


def no_actions():
    return {
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "10",
    }


def url(name, *args):
    return reverse(f"learning:{name}", args=args)


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(url("recommendation-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_see_every_page(client_as, users, role):
    draft = RecommendationFactory()
    issued = IssuedRecommendationFactory()
    answered = RespondedRecommendationFactory()
    client = client_as(users[role])
    for page in [
        url("recommendation-list"),
        url("recommendation-export"),
        url("recommendation-create"),
        url("recommendation-detail", draft.reference),
        url("recommendation-edit", draft.reference),
        url("recommendation-issue", draft.reference),
        url("recommendation-respond", issued.reference),
        url("recommendation-extend", issued.reference),
        url("recommendation-implement", answered.reference),
        url("response-publication", answered.reference, answered.responses.get().pk),
        url("public-list"),
        url("public-detail", issued.reference),
    ]:
        assert client.get(page).status_code == 200, page


def test_a_caseworker_drafts_and_issues_a_statutory_recommendation(client_as, caseworker, herts):
    client = client_as(caseworker)
    response = client.post(
        url("recommendation-create"),
        {
            "source_kind": "application",
            "source_reference": "REV-2022-000067",
            "recipient": "hertfordshire-constabulary",
            "theme": themed("Stop and search").code,
            "type": "policy_guidance",
            "text": "Record the grounds for every search.",
            "is_statutory": "yes",
        },
        follow=True,
    )
    recommendation = Recommendation.objects.get()
    assert recommendation.reference == "REC-2024-000001"
    assert recommendation.status == "draft"
    assert b"Draft recommendation REC-2024-000001 saved." in response.content

    response = client.post(
        url("recommendation-issue", recommendation.reference),
        {**date_fields("issued_on", D(2024, 6, 3)), "version": recommendation.version},
        follow=True,
    )
    content = response.content.decode()
    assert "Recommendation REC-2024-000001 issued." in content
    assert "28 July 2024" in content  # due: 3 June + 55 days
    recommendation.refresh_from_db()
    assert recommendation.response_due_on == D(2024, 7, 28)


def test_an_incomplete_draft_cannot_be_issued_and_says_why(client_as, caseworker):
    draft = RecommendationFactory(recipient=None, text="")
    response = client_as(caseworker).post(
        url("recommendation-issue", draft.reference),
        {**date_fields("issued_on", D(2024, 6, 3)), "version": draft.version},
    )
    content = response.content.decode()
    assert "There is a problem" in content
    assert messages.RECIPIENT_REQUIRED in content
    assert messages.TEXT_REQUIRED in content
    draft.refresh_from_db()
    assert draft.status == "draft"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"source_kind": ""}, "Select where the recommendation comes from"),
        ({"source_reference": "INV-1"}, "Enter the investigation&#x27;s reference in the form"),
        ({"source_reference": ""}, "Enter the reference of the investigation"),
        ({"recipient": "atlantis"}, "Choose an organisation from the list"),
        ({"is_statutory": ""}, "Select whether the recommendation is statutory"),
        ({"theme": "astrology"}, "Choose a theme from the list of thematic areas"),
        ({"theme": "vehicle_pursuits"}, "Choose a theme from the list of thematic areas"),
    ],
)
def test_bad_drafts_show_errors_and_save_nothing(client_as, caseworker, overrides, message):
    themed("Vehicle pursuits", is_active=False)  # retired: no longer offered
    data = {
        "source_kind": "investigation",
        "source_reference": "INV-2022-000001",
        "is_statutory": "no",
        **overrides,
    }
    response = client_as(caseworker).post(url("recommendation-create"), data)
    content = response.content.decode()
    assert "There is a problem" in content
    assert content.count(message) == 2  # in the summary and next to the field
    assert not Recommendation.objects.exists()


def test_the_drafting_form_offers_the_active_themes_by_name_and_keeps_a_retired_one(
    client_as, caseworker
):
    retired = themed("Vehicle pursuits")
    draft = RecommendationFactory(theme=retired)
    retired.is_active = False
    retired.save()
    client = client_as(caseworker)
    content = client.get(url("recommendation-create")).content.decode()
    select = content.split('name="theme"')[1].split("</select>")[0]
    offered = re.findall(r'<option value="([a-z_]+)"[^>]*>([^<]+)</option>', select)
    names = [name for _, name in offered]
    assert names == sorted(names, key=str.casefold)  # by name
    active = Theme.objects.filter(is_active=True).values_list("code", flat=True)
    assert {code for code, _ in offered} == set(active)
    assert len(offered) >= 10
    assert "vehicle_pursuits" not in dict(offered)
    content = client.get(url("recommendation-edit", draft.reference)).content.decode()
    assert '<option value="vehicle_pursuits" selected>Vehicle pursuits</option>' in content


def test_a_stale_edit_is_refused_with_a_message(client_as, caseworker):
    draft = RecommendationFactory()
    client = client_as(caseworker)
    form = {
        "source_kind": "thematic",
        "text": "Mine",
        "is_statutory": "no",
        "version": draft.version,
    }
    assert client.post(url("recommendation-edit", draft.reference), form).status_code == 302
    response = client.post(url("recommendation-edit", draft.reference), {**form, "text": "Theirs"})
    assert "Someone else changed this record" in response.content.decode()
    draft.refresh_from_db()
    assert draft.text == "Mine"


def test_an_issued_recommendation_cannot_be_edited_in_the_browser(client_as, caseworker):
    issued = IssuedRecommendationFactory()
    response = client_as(caseworker).get(url("recommendation-edit", issued.reference), follow=True)
    assert b"Only a draft can be changed." in response.content


def test_staff_record_a_response_received_on_paper_with_planned_actions(client_as, caseworker):
    recommendation = OverdueRecommendationFactory()
    response = client_as(caseworker).post(
        url("recommendation-respond", recommendation.reference),
        {
            "status": "partially_accepted",
            "response": "We accept part of it.",
            **date_fields("responded_on", D(2024, 5, 30)),
            "receipt_reason": "Opened after the bank holiday.",
            "received_via": "paper",
            "is_final": "yes",
            "representations": "",
            "version": recommendation.version,
            **no_actions(),
            "actions-0-description": "Review the policy",
            **date_fields("actions-0-due_on", D(2024, 9, 1)),
        },
        follow=True,
    )
    content = response.content.decode()
    assert f"Response to {recommendation.reference} recorded." in content
    assert "Review the policy" in content
    assert "1 Sep 2024" in content
    assert "To be published by 19 June 2024" in content  # 28B(5): receipt is day 1
    assert "Publication overdue" not in content
    answer = RecommendationResponse.objects.get()
    assert (answer.received_via, answer.received_on) == ("paper", D(2024, 5, 30))
    assert answer.receipt_reason == "Opened after the bank holiday."
    assert "Recorded after the day of receipt: Opened after the bank holiday." in content
    assert [a.description for a in answer.actions.all()] == ["Review the policy"]


def test_a_response_without_an_answer_shows_errors_and_saves_nothing(client_as, caseworker):
    recommendation = IssuedRecommendationFactory()
    response = client_as(caseworker).post(
        url("recommendation-respond", recommendation.reference),
        {"version": recommendation.version, **no_actions(), "actions-0-due_on_0": "1"},
    )
    content = response.content.decode()
    assert "Select whether the recommendation is accepted" in content
    assert "Enter the organisation&#x27;s response" in content
    assert not RecommendationResponse.objects.exists()


def test_a_final_response_cannot_be_followed_in_the_browser(client_as, caseworker):
    answered = RespondedRecommendationFactory()
    response = client_as(caseworker).get(
        url("recommendation-respond", answered.reference), follow=True
    )
    assert b"A final response has already been recorded." in response.content


def test_extend_on_a_request_made_in_time_and_refuse_a_late_one(client_as, caseworker):
    recommendation = IssuedRecommendationFactory()  # due 25 June
    client = client_as(caseworker)
    late = client.post(
        url("recommendation-extend", recommendation.reference),
        {
            **date_fields("requested_on", D(2024, 6, 3)),
            **date_fields("new_due_on", D(2024, 6, 1)),
            "version": recommendation.version,
        },
    )
    assert "The new due date must be after the current one (25 June 2024)." in (
        late.content.decode()
    )
    response = client.post(
        url("recommendation-extend", recommendation.reference),
        {
            **date_fields("requested_on", D(2024, 6, 3)),
            **date_fields("new_due_on", D(2024, 7, 25)),
            "reason": "Awaiting legal advice",
            "version": recommendation.version,
        },
        follow=True,
    )
    content = response.content.decode()
    assert "Response now due by 25 July 2024." in content
    assert "extended from 25 June 2024" in content


def test_mark_as_implemented_with_evidence(client_as, manager):
    answered = RespondedRecommendationFactory()
    response = client_as(manager).post(
        url("recommendation-implement", answered.reference),
        {
            **date_fields("implemented_on", D(2024, 6, 1)),
            "evidence": "Training records",
            "version": answered.version,
        },
        follow=True,
    )
    assert b"marked as implemented" in response.content
    answered.refresh_from_db()
    assert answered.status == "implemented"


def test_record_publication(client_as, caseworker):
    answered = RespondedRecommendationFactory()
    page = url("response-publication", answered.reference, answered.responses.get().pk)
    client = client_as(caseworker)
    missing = client.post(page, {})
    assert "Enter the date published" in missing.content.decode()
    response = client.post(page, date_fields("published_on", D(2024, 6, 1)), follow=True)
    assert b"Publication recorded." in response.content
    assert b"Published 1 June 2024." in response.content


def test_decide_on_representations_against_publication(client_as, caseworker):
    """Paragraph 28B(7): the representations are shown, decided with reasons, and only then
    is publication recorded (here of the parts decided on)."""
    answered = RespondedRecommendationFactory(
        response_record__representations="It names an officer.", response_record__publish_by=None
    )
    answer = answered.responses.get()
    client = client_as(caseworker)
    detail = client.get(url("recommendation-detail", answered.reference)).content.decode()
    assert "Decision needed" in detail
    refused = client.get(url("response-publication", answered.reference, answer.pk), follow=True)
    assert "decide whether to publish" in refused.content.decode()
    page = url("response-decision", answered.reference, answer.pk)
    form = client.get(page).content.decode()
    assert "It names an officer." in form
    decided = date_fields("decided_on", D(2024, 6, 1))
    missing = client.post(page, {"decision": "in_part", **decided})
    assert "Give the reasons for the decision" in missing.content.decode()
    response = client.post(
        page,
        {
            "decision": "in_part",
            "published_text": "We accept the recommendation.",
            "reasons": "The officer's name is left out.",
            **decided,
        },
        follow=True,
    )
    assert b"Decision recorded: publish in part." in response.content
    answer.refresh_from_db()
    assert (answer.publication_decision, answer.publish_by) == ("in_part", D(2024, 6, 21))


def test_list_filters_and_highlights_overdue_responses(client_as, caseworker, herts, met):
    overdue = OverdueRecommendationFactory(recipient=herts, theme=themed("Custody"))
    awaiting = IssuedRecommendationFactory(
        recipient=met, theme=themed("Use of Taser"), type="equipment"
    )
    answered = RespondedRecommendationFactory(recipient=met, theme=themed("Custody"))
    draft = RecommendationFactory(
        recipient=herts, source_kind="thematic", source_reference="", theme=themed("Pursuits")
    )
    client = client_as(caseworker)
    everything = (overdue, awaiting, answered, draft)

    def refs(**params):
        content = client.get(url("recommendation-list"), params).content.decode()
        return {r.reference for r in everything if r.reference in content}

    assert refs() == {r.reference for r in everything}
    assert refs(overdue="true") == {overdue.reference}
    assert refs(overdue="false") == {awaiting.reference, answered.reference, draft.reference}
    assert refs(recipient="metropolitan-police-service") == {
        awaiting.reference,
        answered.reference,
    }
    assert refs(status="accepted") == {answered.reference}
    assert refs(theme="custody") == {overdue.reference, answered.reference}
    assert refs(theme="CUSTODY") == {overdue.reference, answered.reference}  # or the name
    assert refs(type="equipment") == {awaiting.reference}
    assert refs(source="thematic") == {draft.reference}
    assert refs(financial_year="2023-24") == {overdue.reference}
    content = client.get(url("recommendation-list")).content.decode()
    assert "Response overdue" in content
    assert "Awaiting response" in content
    # The active thematic areas are offered by code, and a retired one only while in use.
    assert '<option value="use_of_taser">Use of Taser</option>' in content
    assert '<option value="mental_health">Mental health</option>' in content
    assert (
        "is not a financial year"
        in client.get(url("recommendation-list"), {"financial_year": "2024"}).content.decode()
    )


def test_list_paginates(client_as, caseworker):
    IssuedRecommendationFactory.create_batch(30)
    client = client_as(caseworker)
    content = client.get(url("recommendation-list")).content.decode()
    assert "30 recommendations, showing 1 to 25" in content
    next_page = url("recommendation-list") + pagination_link(content, "next")
    assert "showing 26 to 30" in client.get(next_page).content.decode()
    last_page = url("recommendation-list") + pagination_link(content, "Last page")
    assert "showing 6 to 30" in client.get(last_page).content.decode()


def test_csv_export_has_the_filtered_rows(client_as, caseworker, herts, met):
    mine = OverdueRecommendationFactory(recipient=herts)
    IssuedRecommendationFactory(recipient=met)
    response = client_as(caseworker).get(
        url("recommendation-export"), {"recipient": "hertfordshire-constabulary"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Reference,Recipient,Source,Theme,Type,Statutory,Status")
    assert len(lines) == 2
    assert lines[1].startswith(f"{mine.reference},Hertfordshire Constabulary,")
    assert ",2023-24,2024-03-01,2024-04-25,Yes," in lines[1]


def test_detail_shows_the_response_history_and_logs_the_view(client_as, caseworker):
    answered = RespondedRecommendationFactory()
    content = (
        client_as(caseworker)
        .get(url("recommendation-detail", answered.reference))
        .content.decode()
    )
    log = ViewLog.objects.get()
    assert (log.user, log.reference) == (caseworker, answered.reference)
    assert "Accepted – 20 May 2024" in content
    assert "Refresher training for custody officers" in content
    assert "To be published by 9 June 2024" in content  # 28B(5): receipt is day 1
    assert "History" in content


def test_the_overdue_warning_on_the_detail_page(client_as, caseworker):
    overdue = OverdueRecommendationFactory()
    content = (
        client_as(caseworker).get(url("recommendation-detail", overdue.reference)).content.decode()
    )
    assert "The response was due by 25 April 2024: 39 days overdue." in content


@pytest.mark.parametrize("role", ["caseworker", "force_liaison"])
def test_list_page_query_count_does_not_grow_with_rows(
    client_as, users, herts, met, role, django_assert_max_num_queries, django_assert_num_queries
):
    client = client_as(users[role])
    IssuedRecommendationFactory.create_batch(3, recipient=herts)
    with django_assert_max_num_queries(10) as small:
        assert client.get(url("recommendation-list")).status_code == 200
    IssuedRecommendationFactory.create_batch(20, recipient=herts)
    RespondedRecommendationFactory.create_batch(10, recipient=met)
    with django_assert_num_queries(len(small)):
        assert client.get(url("recommendation-list")).status_code == 200


# Force liaisons in the browser -------------------------------------------------------------


def test_a_liaison_sees_only_their_organisations_issued_recommendations(
    client_as, liaison, herts, met
):
    mine = IssuedRecommendationFactory(recipient=herts, theme=themed("Custody"))
    # A retired theme on another organisation's recommendation is not even offered.
    theirs = IssuedRecommendationFactory(
        recipient=met, theme=themed("Secret theme", is_active=False)
    )
    draft = RecommendationFactory(recipient=herts)
    content = client_as(liaison).get(url("recommendation-list")).content.decode()
    assert "Recommendations to your organisation" in content
    assert mine.reference in content
    for absent in (theirs.reference, theirs.text, draft.reference, "Secret theme", "Metropolitan"):
        assert absent not in content
    assert "Download as CSV" not in content
    assert "Draft a recommendation" not in content


def test_a_liaison_answers_online(client_as, liaison, herts):
    recommendation = IssuedRecommendationFactory(recipient=herts)
    client = client_as(liaison)
    detail = client.get(url("recommendation-detail", recommendation.reference)).content.decode()
    assert "Respond to this recommendation" in detail
    assert "History" not in detail  # the audit trail is for staff
    form = client.get(url("recommendation-respond", recommendation.reference)).content.decode()
    assert "received_via" not in form
    response = client.post(
        url("recommendation-respond", recommendation.reference),
        {
            "status": "not_accepted",
            "response": "Already covered by our policy.",
            "is_final": "yes",
            "representations": "Paragraph 2 names an officer.",
            "version": recommendation.version,
            **no_actions(),
        },
        follow=True,
    )
    assert b"recorded." in response.content
    answer = RecommendationResponse.objects.get()
    assert (answer.received_via, answer.received_on, answer.submitted_by) == (
        "online",
        D(2024, 6, 3),
        liaison,
    )
    assert (answer.representations, answer.publish_by) == ("Paragraph 2 names an officer.", None)


def test_staff_see_a_link_to_the_source_and_liaisons_only_its_reference(
    client_as, caseworker, liaison, herts
):
    """Item 8: the source is a record of the system, linked on staff pages; a force liaison
    cannot open staff pages, so sees the reference without a link."""
    recommendation = IssuedRecommendationFactory(recipient=herts)
    url = f"/recommendations/{recommendation.reference}/"
    link = f'href="/investigations/{recommendation.source_reference}/"'
    staff_page = client_as(caseworker).get(url).content.decode()
    assert link in staff_page
    liaison_page = client_as(liaison).get(url).content.decode()
    assert recommendation.source_reference in liaison_page
    assert link not in liaison_page


def test_drafting_from_an_application_page_names_it_as_the_source(client_as, caseworker):
    query = "?source_kind=application&source_reference=REV-2022-000067"
    content = client_as(caseworker).get(url("recommendation-create") + query).content.decode()
    assert 'value="REV-2022-000067"' in content
    assert re.search(r'value="application"[^>]*checked', content)


def test_a_legacy_source_reference_that_names_no_record_is_shown_without_a_link(
    client_as, caseworker, herts
):
    recommendation = IssuedRecommendationFactory(
        recipient=herts, source_reference="INV-2019-000001", source_investigation=None
    )
    content = (
        client_as(caseworker).get(f"/recommendations/{recommendation.reference}/").content.decode()
    )
    assert "INV-2019-000001" in content
    assert 'href="/investigations/INV-2019-000001/"' not in content
