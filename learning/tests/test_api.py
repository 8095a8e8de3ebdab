import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.validation import validate_schema
from knox.models import AuthToken
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from learning import api, services, throttles
from learning.models import PlannedAction, Recommendation, RecommendationResponse
from learning.services import messages
from learning.tests.factories import (
    IssuedRecommendationFactory,
    OverdueRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
    themed,
)
from oversight.core import api_pagination, permissions
from oversight.core.services import api_token_create

D = dt.date
pytestmark = pytest.mark.django_db
URL = "/api/v1/recommendations/"
DETAIL_ONLY = (
    "planned_actions",
    "responses",
    "extensions",
    "implementation_evidence",
    "judicial_review_started_on",
    "judicial_review_ended_on",
)


@pytest.fixture(autouse=True)
def _themes(db):
    """The thematic areas the payloads name (themes come from the list, never free text)."""
    themed("Custody")
    themed("Mental health")


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


def payload(**overrides):
    return {
        "recipient": "hertfordshire-constabulary",
        "source": "INV-2022-000045",
        "theme": "custody",
        "type": "training",
        "text": "Train custody officers to carry out rousing checks.",
        "is_statutory": True,
        "status": "issued",
        **overrides,
    }


def answer(**overrides):
    return {"status": "accepted", "response": "We accept the recommendation.", **overrides}


def refs(response):
    assert response.status_code == 200, response.content
    return {r["reference"] for r in response.json()["results"]}


# Staff --------------------------------------------------------------------------------------


def test_anonymous_requests_are_refused():
    assert APIClient().get(URL).status_code == 401
    assert APIClient().post(f"{URL}REC-2024-000001/response/", answer()).status_code == 401


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_issue_a_statutory_recommendation(api_as, users, herts, role):
    response = api_as(users[role]).post(URL, payload(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["reference"] == "REC-2024-000001"
    assert body["recipient"] == "hertfordshire-constabulary"
    assert body["source"] == "INV-2022-000045"
    assert body["type"] == "training"
    assert (body["status"], body["issued_on"], body["response_due_on"]) == (
        "issued",
        "2024-06-03",
        "2024-07-28",  # issue date + 55 days
    )
    assert body["responded_on"] is None
    assert body["is_overdue"] is False


def test_staff_draft_from_thematic_work_then_complete_and_issue_it(api_as, caseworker, herts):
    client = api_as(caseworker)
    # For compatibility, a theme's exact name (in any case) is taken as well as its code.
    draft = client.post(URL, {"source": "thematic", "theme": "mental HEALTH"}, format="json")
    assert draft.status_code == 201, draft.content
    body = draft.json()
    assert (body["status"], body["source"], body["recipient"]) == ("draft", "thematic", None)
    assert (body["theme"], body["theme_code"]) == ("Mental health", "mental_health")
    url = f"{URL}{body['reference']}/"

    refused = client.post(f"{url}issue/", {"version": body["version"]}, format="json")
    assert refused.status_code == 400
    assert refused.json()["recipient"] == [messages.RECIPIENT_REQUIRED]
    assert refused.json()["text"] == [messages.TEXT_REQUIRED]

    patched = client.patch(
        url,
        {
            "recipient": "college-of-policing",
            "type": "policy_guidance",
            "text": "Update the guidance on mental health in custody.",
            "version": body["version"],
        },
        format="json",
    )
    assert patched.status_code == 200, patched.content
    issued = client.post(
        f"{url}issue/",
        {"issued_on": "2024-06-01", "version": patched.json()["version"]},
        format="json",
    )
    assert issued.status_code == 200, issued.content
    assert issued.json()["status"] == "issued"
    assert issued.json()["response_due_on"] is None  # not statutory


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"recipient": None}, "recipient"),
        ({"theme": ""}, "theme"),
        ({"type": ""}, "type"),
        ({"text": ""}, "text"),
        ({"type": "advice"}, "type"),
        ({"recipient": "atlantis-police"}, "recipient"),
        ({"source": "REF-2024-000001"}, "source"),
        ({"source": ""}, "source"),
        ({"issued_on": "03/06/2024"}, "issued_on"),
        ({"issued_on": "2024-06-04"}, "issued_on"),
        ({"status": "accepted"}, "status"),
        ({"is_statutory": "perhaps"}, "is_statutory"),
    ],
)
def test_bad_recommendations_get_400_with_the_field_and_nothing_is_saved(
    api_as, caseworker, herts, overrides, field
):
    response = api_as(caseworker).post(URL, payload(**overrides), format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("theme", ["Astrology", "vehicle_pursuits", "Vehicle pursuits"])
def test_a_theme_not_among_the_active_thematic_areas_is_a_400_on_theme(api_as, caseworker, theme):
    themed("Vehicle pursuits", is_active=False)
    client = api_as(caseworker)
    response = client.post(URL, payload(theme=theme), format="json")
    assert response.status_code == 400
    assert response.json() == {"theme": [messages.THEME_NOT_LISTED]}
    draft = RecommendationFactory()
    response = client.patch(
        f"{URL}{draft.reference}/", {"theme": theme, "version": 1}, format="json"
    )
    assert response.json() == {"theme": [messages.THEME_NOT_LISTED]}
    assert Recommendation.objects.get().theme.code == "custody"


def test_the_theme_is_given_by_code_and_read_back_as_name_and_code(api_as, caseworker):
    themed("Use of Taser")
    response = api_as(caseworker).post(URL, payload(theme="use_of_taser"), format="json")
    assert response.status_code == 201, response.content
    assert (response.json()["theme"], response.json()["theme_code"]) == (
        "Use of Taser",
        "use_of_taser",
    )
    assert Recommendation.objects.get().theme.code == "use_of_taser"


def test_a_stale_edit_gets_409_and_an_edit_needs_the_version(api_as, caseworker):
    draft = RecommendationFactory()
    client = api_as(caseworker)
    url = f"{URL}{draft.reference}/"
    assert client.patch(url, {"text": "First", "version": 1}, format="json").status_code == 200
    stale = client.patch(url, {"text": "Second", "version": 1}, format="json")
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.json()["detail"]
    assert client.patch(url, {"text": "Third"}, format="json").json() == {
        "version": ["This field is required."]
    }
    assert client.put(url, {"text": "x", "version": 2}, format="json").status_code == 405
    draft.refresh_from_db()
    assert draft.text == "First"


def test_an_issued_recommendation_cannot_be_edited_or_issued_again(api_as, caseworker):
    issued = IssuedRecommendationFactory()
    client = api_as(caseworker)
    url = f"{URL}{issued.reference}/"
    response = client.patch(url, {"text": "Other", "version": issued.version}, format="json")
    assert response.status_code == 400
    assert "Only a draft can be changed or issued" in response.json()["non_field_errors"][0]
    again = client.post(f"{url}issue/", {"version": issued.version}, format="json")
    assert again.status_code == 400


def test_issuing_needs_the_version_read_and_a_stale_one_is_a_conflict(api_as, caseworker):
    draft = RecommendationFactory()
    client = api_as(caseworker)
    url = f"{URL}{draft.reference}/issue/"
    missing = client.post(url, {}, format="json")
    assert missing.status_code == 400
    assert set(missing.json()) == {"version"}
    stale = client.post(url, {"version": draft.version - 1}, format="json")
    assert stale.status_code == 409
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert client.post(url, {"version": draft.version}, format="json").status_code == 200


def test_staff_filter_the_list(api_as, caseworker, herts, met):
    mine = IssuedRecommendationFactory(recipient=herts, theme=themed("Custody"))
    theirs = OverdueRecommendationFactory(recipient=met, theme=themed("Use of Taser"))
    draft = RecommendationFactory(recipient=met, theme=themed("Custody"))
    client = api_as(caseworker)
    assert refs(client.get(URL)) == {mine.reference, theirs.reference, draft.reference}
    assert refs(client.get(URL, {"recipient": "metropolitan-police-service"})) == {
        theirs.reference,
        draft.reference,
    }
    assert refs(client.get(URL, {"theme": "custody"})) == {mine.reference, draft.reference}
    assert refs(client.get(URL, {"status": "draft"})) == {draft.reference}
    assert refs(client.get(URL, {"overdue": "true"})) == {theirs.reference}
    assert refs(client.get(URL, {"financial_year": "2023-24"})) == {theirs.reference}
    assert refs(client.get(URL, {"source": "investigation"})) == {
        mine.reference,
        theirs.reference,
        draft.reference,
    }


def test_staff_cannot_submit_a_recipients_response_over_the_api(api_as, caseworker):
    recommendation = IssuedRecommendationFactory()
    response = api_as(caseworker).post(
        f"{URL}{recommendation.reference}/response/", answer(), format="json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == permissions.LIAISON_ONLY
    assert not RecommendationResponse.objects.exists()


# Force liaisons -----------------------------------------------------------------------------


def test_a_liaison_lists_only_their_organisations_issued_recommendations(
    api_as, liaison, herts, met
):
    mine = IssuedRecommendationFactory(recipient=herts)
    answered = RespondedRecommendationFactory(recipient=herts)
    IssuedRecommendationFactory(recipient=met)
    RecommendationFactory(recipient=herts)  # a draft to their own force
    response = api_as(liaison).get(URL)
    assert refs(response) == {mine.reference, answered.reference}
    body = response.json()
    assert len(body["results"]) == 2
    item = next(r for r in body["results"] if r["reference"] == answered.reference)
    assert list(item) == [
        f for f in api.LiaisonRecommendationSerializer.Meta.fields if f not in DETAIL_ONLY
    ]
    assert "version" not in item
    assert item["response_final"] is True
    assert item["can_respond"] is False
    detail = api_as(liaison).get(f"{URL}{answered.reference}/").json()
    assert detail["planned_actions"] == [
        {"description": "Refresher training for custody officers", "due_on": "2024-08-18"}
    ]
    assert "submitted_by" not in detail["responses"][0]


@pytest.mark.parametrize("role", ["liaison", "caseworker"])
def test_each_list_item_is_the_detail_without_the_nested_records(
    api_as, role, liaison, caseworker, herts
):
    """The list's plain-dict summaries (learning.serializers.recommendation_summary) stay
    equal, field for field and in order, to the detail serializers' output."""
    user = {"liaison": liaison, "caseworker": caseworker}[role]
    IssuedRecommendationFactory(recipient=herts)
    RespondedRecommendationFactory(recipient=herts)
    interim = IssuedRecommendationFactory(recipient=herts, is_statutory=False)
    services.recommendation_respond(
        actor=liaison,
        recommendation=interim,
        status="accepted",
        response="We will answer in full next month.",
        today=interim.issued_on + dt.timedelta(days=5),
        received_via="api",
        is_final=False,
    )
    if role == "caseworker":
        # An incomplete draft, with a legacy free-text theme that matched no thematic area.
        RecommendationFactory(recipient=None, theme=None, theme_text="Old free text")
    client = api_as(user)
    listed = client.get(URL).json()["results"]
    assert len(listed) == (4 if role == "caseworker" else 3)
    for item in listed:
        detail = client.get(f"{URL}{item['reference']}/").json()
        assert item == {k: v for k, v in detail.items() if k not in DETAIL_ONLY}
    assert next(i for i in listed if i["reference"] == interim.reference)["can_respond"]


def test_a_liaison_filters_by_status_theme_and_updated_since(api_as, liaison, herts):
    old = IssuedRecommendationFactory(recipient=herts, theme=themed("Custody"))
    new = RespondedRecommendationFactory(recipient=herts, theme=themed("Stop and search"))
    Recommendation.objects.filter(pk=old.pk).update(
        updated_at=dt.datetime(2024, 5, 1, 9, tzinfo=dt.UTC)
    )
    Recommendation.objects.filter(pk=new.pk).update(
        updated_at=dt.datetime(2024, 6, 2, 9, tzinfo=dt.UTC)
    )
    client = api_as(liaison)
    assert refs(client.get(URL, {"status": "issued"})) == {old.reference}
    assert refs(client.get(URL, {"theme": "STOP AND SEARCH"})) == {new.reference}
    assert refs(client.get(URL, {"updated_since": "2024-06-01T00:00:00Z"})) == {new.reference}
    assert refs(client.get(URL, {"updated_since": "2024-05-01T09:00:00+00:00"})) == {
        old.reference,
        new.reference,
    }
    for bad in [{"updated_since": "yesterday"}, {"status": "pending"}]:
        response = client.get(URL, bad)
        assert response.status_code == 400
        assert set(response.json()) == set(bad)


def test_a_liaison_reads_their_own_but_gets_404_for_others_and_drafts(api_as, liaison, herts, met):
    mine = IssuedRecommendationFactory(recipient=herts)
    theirs = IssuedRecommendationFactory(recipient=met)
    draft = RecommendationFactory(recipient=herts)
    client = api_as(liaison)
    assert client.get(f"{URL}{mine.reference}/").json()["text"] == mine.text
    for other in (theirs, draft):
        response = client.get(f"{URL}{other.reference}/")
        assert response.status_code == 404
        assert other.reference not in response.content.decode()


def test_a_liaison_submits_the_response(api_as, liaison, herts):
    recommendation = IssuedRecommendationFactory(recipient=herts)
    response = api_as(liaison).post(
        f"{URL}{recommendation.reference}/response/",
        answer(
            status="partially_accepted",
            planned_actions=[
                {"description": "Review custody policy", "due_on": "2024-09-30"},
                {"description": "Brief sergeants"},
            ],
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["responded_on"]) == ("partially_accepted", "2024-06-03")
    assert body["response"] == "We accept the recommendation."
    assert body["response_final"] is True
    assert body["can_respond"] is False
    assert body["planned_actions"] == [
        {"description": "Review custody policy", "due_on": "2024-09-30"},
        {"description": "Brief sergeants", "due_on": None},
    ]
    assert body["responses"][0]["received_via"] == "api"
    assert body["responses"][0]["publish_by"] == "2024-06-23"  # 28B(5): receipt is day 1
    recorded = RecommendationResponse.objects.get()
    assert recorded.submitted_by == liaison


def test_an_interim_response_then_the_final_one(api_as, liaison, herts):
    recommendation = IssuedRecommendationFactory(recipient=herts)
    client = api_as(liaison)
    url = f"{URL}{recommendation.reference}/response/"
    first = client.post(url, answer(final=False), format="json")
    assert first.status_code == 201
    # An interim reply is not the response (28B(2)): still awaiting it.
    assert (first.json()["status"], first.json()["responded_on"]) == ("issued", None)
    assert first.json()["can_respond"] is True
    assert first.json()["responses"][0]["publish_by"] is None
    second = client.post(url, answer(status="not_accepted", response="No."), format="json")
    assert second.status_code == 201, second.content
    assert second.json()["status"] == "not_accepted"
    assert [r["final"] for r in second.json()["responses"]] == [False, True]


def test_representations_against_publication_over_the_api(api_as, liaison, herts):
    """Paragraph 28B(6): made with the response, saying which parts and why; `do_not_publish`
    alone (older clients) is a 400 naming `representations`, and nothing is written."""
    recommendation = IssuedRecommendationFactory(recipient=herts)
    client = api_as(liaison)
    url = f"{URL}{recommendation.reference}/response/"
    bare = client.post(url, answer(do_not_publish=True), format="json")
    assert bare.status_code == 400
    assert "representations" in bare.json()
    assert not RecommendationResponse.objects.exists()
    made = client.post(url, answer(representations="Paragraph 2 names an officer."), format="json")
    assert made.status_code == 201, made.content
    recorded = made.json()["responses"][0]
    assert recorded["representations"] == "Paragraph 2 names an officer."
    assert (recorded["publication_decision"], recorded["publish_by"]) == ("", None)


def _nothing_written(recommendation):
    recommendation.refresh_from_db()
    return (
        recommendation.status == "issued"
        and recommendation.responded_on is None
        and not RecommendationResponse.objects.exists()
        and not PlannedAction.objects.exists()
    )


def test_responding_twice_when_the_response_is_final_is_a_400(api_as, liaison, herts):
    recommendation = RespondedRecommendationFactory(recipient=herts)
    response = api_as(liaison).post(
        f"{URL}{recommendation.reference}/response/", answer(status="not_accepted"), format="json"
    )
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == [
        messages.ALREADY_FINAL.format(reference=recommendation.reference, responded="20 May 2024")
    ]
    assert RecommendationResponse.objects.count() == 1
    recommendation.refresh_from_db()
    assert recommendation.status == "accepted"


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (answer(status="maybe"), "status", "“maybe” is not an answer"),
        (answer(status="implemented"), "status", "is not an answer"),
        ({"status": "accepted"}, "response", "This field is required."),
        (answer(response=""), "response", "This field may not be blank."),
        (answer(responded_on="3 June 2024"), "responded_on", "Date has wrong format"),
        (answer(responded_on="2024-02-30"), "responded_on", "Date has wrong format"),
        (answer(responded_on="2024-06-04"), "responded_on", messages.RESPONDED_IN_FUTURE),
        (answer(responded_on="2024-04-30"), "responded_on", messages.RESPONDED_BEFORE_ISSUE),
        # Issue 14 item 6: the day of receipt is the day it arrives, not the liaison's choice.
        (answer(responded_on="2024-06-02"), "responded_on", "received the day it arrives"),
        (answer(planned_actions=[{"due_on": "2024-07-01"}]), "planned_actions", "required"),
        (
            answer(planned_actions=[{"description": "x", "due_on": "2024-06-02"}]),
            "planned_actions",
            messages.ACTION_BEFORE_RESPONSE,
        ),
        (answer(final="perhaps"), "final", "Must be a valid boolean."),
        (
            answer(planned_actions=[{"description": f"Step {n}"} for n in range(51)]),
            "planned_actions",
            messages.TOO_MANY_ACTIONS,
        ),
    ],
)
def test_bad_responses_are_a_400_with_a_clear_message_and_nothing_written(
    api_as, liaison, herts, body, field, message
):
    recommendation = IssuedRecommendationFactory(recipient=herts)
    response = api_as(liaison).post(
        f"{URL}{recommendation.reference}/response/", body, format="json"
    )
    assert response.status_code == 400
    assert message in str(response.json()[field]), response.json()
    assert _nothing_written(recommendation)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        ("status=accepted&response=Yes", "application/x-www-form-urlencoded"),
        ("accepted, we accept", "text/plain"),
        ('{"status": "accepted", "response": ', "application/json"),
        ("", "application/json"),
    ],
)
def test_a_body_that_is_not_json_is_a_400(api_as, liaison, herts, content, content_type):
    recommendation = IssuedRecommendationFactory(recipient=herts)
    response = api_as(liaison).generic(
        "POST", f"{URL}{recommendation.reference}/response/", content, content_type
    )
    assert response.status_code == 400
    body = response.json()
    assert api.NOT_JSON in str(body) or "This field is required." in str(body)
    assert _nothing_written(recommendation)


def test_a_json_body_that_is_not_an_object_is_a_400(api_as, liaison, herts):
    recommendation = IssuedRecommendationFactory(recipient=herts)
    response = api_as(liaison).post(
        f"{URL}{recommendation.reference}/response/", ["accepted"], format="json"
    )
    assert response.status_code == 400
    assert "Expected a dictionary" in str(response.json())
    assert _nothing_written(recommendation)


def test_a_liaison_cannot_respond_to_a_draft_or_another_organisations(api_as, liaison, herts, met):
    draft = RecommendationFactory(recipient=herts)
    theirs = IssuedRecommendationFactory(recipient=met)
    client = api_as(liaison)
    for recommendation in (draft, theirs):
        response = client.post(
            f"{URL}{recommendation.reference}/response/", answer(), format="json"
        )
        assert response.status_code == 404
        assert recommendation.reference not in response.content.decode()
    assert not RecommendationResponse.objects.exists()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "", payload()),
        ("patch", "{ref}/", {"text": "x", "version": 1}),
        ("post", "{ref}/issue/", {}),
    ],
)
def test_staff_only_actions_are_404_for_a_liaison(api_as, liaison, herts, method, path, body):
    """Outside a liaison's reach is 404, never a hint that the action or the draft exists."""
    draft = RecommendationFactory(recipient=herts)
    response = getattr(api_as(liaison), method)(
        URL + path.format(ref=draft.reference), body, format="json"
    )
    assert response.status_code == 404
    assert draft.reference not in response.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.version, Recommendation.objects.count()) == ("draft", 1, 1)


# Tokens and rate limits -----------------------------------------------------------------------


def test_a_revoked_token_is_a_401(liaison, herts):
    IssuedRecommendationFactory(recipient=herts)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=liaison)}")
    assert client.get(URL).status_code == 200
    AuthToken.objects.filter(user=liaison).delete()
    response = client.get(URL)
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


def test_an_expired_token_is_a_401_and_writes_nothing(liaison, herts):
    recommendation = IssuedRecommendationFactory(recipient=herts)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=liaison)}")
    AuthToken.objects.filter(user=liaison).update(expiry=timezone.now() - dt.timedelta(seconds=1))
    response = client.post(f"{URL}{recommendation.reference}/response/", answer(), format="json")
    assert response.status_code == 401
    assert _nothing_written(recommendation)


def test_a_malformed_token_is_a_401():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get(URL).status_code == 401


def test_the_rate_limit_is_per_token(api_as, liaison, herts, monkeypatch):
    IssuedRecommendationFactory(recipient=herts)
    monkeypatch.setitem(api_settings.DEFAULT_THROTTLE_RATES, throttles.SCOPE, "3/minute")
    first, second = api_as(liaison), api_as(liaison)
    assert [first.get(URL).status_code for _ in range(3)] == [200, 200, 200]
    throttled = first.get(URL)
    assert throttled.status_code == 429
    assert "Retry-After" in throttled.headers
    assert second.get(URL).status_code == 200  # another token has its own allowance


# Paging, query counts, schema ----------------------------------------------------------------


@pytest.mark.parametrize("role", ["caseworker", "force_liaison"])
def test_list_query_count_does_not_grow_with_rows_or_page_size(
    api_as, users, herts, role, django_assert_max_num_queries, django_assert_num_queries
):
    client = api_as(users[role])
    RespondedRecommendationFactory.create_batch(2, recipient=herts)
    with django_assert_max_num_queries(8) as small:
        assert client.get(f"{URL}?page_size=2").status_code == 200
    RespondedRecommendationFactory.create_batch(30, recipient=herts)
    IssuedRecommendationFactory.create_batch(10, recipient=herts)
    with django_assert_num_queries(len(small)):
        assert client.get(f"{URL}?page_size=50").status_code == 200


def test_pages_are_stable_when_rows_share_a_date(api_as, caseworker, herts):
    made = IssuedRecommendationFactory.create_batch(7, recipient=herts)  # all issued 1 May
    client = api_as(caseworker)
    seen, url, pages = [], f"{URL}?page_size=3", 0
    while url:
        body = client.get(url).json()
        seen += [r["reference"] for r in body["results"]]
        url, pages = body["next"], pages + 1
    assert pages == 3
    assert sorted(seen) == sorted(r.reference for r in made)
    assert len(seen) == len(set(seen)) == 7
    by_due = client.get(URL, {"page_size": 3, "ordering": "response_due_on"}).json()
    assert [r["reference"] for r in by_due["results"]] == sorted(
        (r.reference for r in made), reverse=True
    )[:3]


def test_pages_follow_cursors_both_ways_keep_filters_and_refuse_a_bad_cursor(
    api_as, liaison, herts
):
    made = IssuedRecommendationFactory.create_batch(5, recipient=herts, theme=themed("Custody"))
    IssuedRecommendationFactory(recipient=herts, theme=themed("Training"))
    client = api_as(liaison)
    first = client.get(URL, {"page_size": 2, "theme": "custody"}).json()
    assert set(first) == {"next", "previous", "results"}
    assert first["previous"] is None
    assert "theme=custody" in first["next"]
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert back["results"] == first["results"]
    third = client.get(second["next"]).json()
    assert third["next"] is None
    listed = [r["reference"] for page in (first, second, third) for r in page["results"]]
    assert sorted(listed) == sorted(r.reference for r in made)
    response = client.get(URL, {"after": "not-a-cursor"})
    assert response.status_code == 400
    assert response.json() == {"after": [api_pagination.BAD_CURSOR]}


def test_a_page_issued_during_a_sync_does_not_shift_the_rest(api_as, liaison, herts):
    older = IssuedRecommendationFactory.create_batch(4, recipient=herts)
    client = api_as(liaison)
    first = client.get(URL, {"page_size": 2}).json()
    IssuedRecommendationFactory(recipient=herts, issued_on=dt.date(2024, 6, 1))  # newest
    second = client.get(first["next"]).json()
    listed = [r["reference"] for page in (first, second) for r in page["results"]]
    assert sorted(listed) == sorted(r.reference for r in older)


def test_this_apps_schema_generates_without_warnings_and_validates(tmp_path):
    # Only this app's routes, so that warnings from the others do not hide or fail these.
    GENERATOR_STATS.reset()
    try:
        call_command(
            "spectacular",
            "--validate",
            "--fail-on-warn",
            "--urlconf",
            "learning.tests.schema_urls",
            "--file",
            str(tmp_path / "schema.yaml"),
        )
    finally:
        GENERATOR_STATS.reset()


def test_the_served_schema_validates_and_describes_the_endpoints(api_as, caseworker, liaison):
    assert APIClient().get("/api/schema/").status_code == 401
    response = api_as(caseworker).get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)  # the OpenAPI 3 JSON schema drf-spectacular validates against
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/recommendations/"])
    assert {"get", "patch"} <= set(paths["/api/v1/recommendations/{reference}/"])
    assert "post" in paths["/api/v1/recommendations/{reference}/issue/"]
    # The response is the liaisons' to submit: it is in their schema, not the staff's.
    assert "/api/v1/recommendations/{reference}/response/" not in paths
    public = paths["/api/v1/public/recommendations/"]["get"]
    assert public["security"] == [{}]  # no sign-in
    list_params = {p["name"] for p in paths["/api/v1/recommendations/"]["get"]["parameters"]}
    assert {"status", "recipient", "theme", "updated_since", "after", "page_size"} <= list_params
    liaison_schema = api_as(liaison).get("/api/schema/?format=json").json()
    validate_schema(liaison_schema)
    respond = liaison_schema["paths"]["/api/v1/recommendations/{reference}/response/"]["post"]
    assert respond["requestBody"]["content"]["application/json"]["examples"]
    assert {"201", "400", "403", "404"} <= set(respond["responses"])
