"""The public feed: issued recommendations and published responses, for anyone, no sign-in."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from learning.tests.factories import (
    IssuedRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
    themed,
)

D = dt.date
pytestmark = pytest.mark.django_db
URL = "/api/v1/public/recommendations/"


@pytest.fixture
def feed(herts, met):
    published = RespondedRecommendationFactory(
        recipient=herts,
        response="PUBLISHED-RESPONSE",
        response_record__published_on=D(2024, 6, 1),
    )
    return {
        "published": published,
        "unpublished": RespondedRecommendationFactory(
            recipient=met, response="UNPUBLISHED-RESPONSE"
        ),
        "withheld": RespondedRecommendationFactory(
            recipient=met,
            response="WITHHELD-RESPONSE",
            response_record__representations="It names an officer.",
            response_record__publication_decision="not_published",
            response_record__publication_decided_on=D(2024, 5, 25),
        ),
        "awaiting": IssuedRecommendationFactory(recipient=met),
        "draft": RecommendationFactory(recipient=herts, text="DRAFT-TEXT"),
    }


def test_anyone_can_read_the_feed_without_signing_in(feed):
    response = APIClient().get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    by_reference = {r["reference"]: r for r in body["results"]}
    assert feed["draft"].reference not in by_reference
    published = by_reference[feed["published"].reference]
    assert published["published_response"]["response"] == "PUBLISHED-RESPONSE"
    assert published["published_response"]["published_on"] == "2024-06-01"
    assert published["published_response"]["planned_actions"][0]["description"]
    assert published["recipient"] == "hertfordshire-constabulary"
    for key in ("unpublished", "withheld"):
        item = by_reference[feed[key].reference]
        assert item["published_response"] is None
        assert item["response_received"] is True
    assert by_reference[feed["awaiting"].reference]["response_received"] is False
    content = response.content.decode()
    for secret in ("UNPUBLISHED-RESPONSE", "WITHHELD-RESPONSE", "DRAFT-TEXT"):
        assert secret not in content
    assert set(published) == {
        "reference",
        "recipient",
        "recipient_name",
        "source_kind",
        "theme",
        "theme_code",
        "kind",
        "type",
        "text",
        "is_statutory",
        "issued_on",
        "response_due_on",
        "response_received",
        "published_response",
    }


def test_a_draft_is_not_in_the_feed_even_by_reference(feed):
    assert APIClient().get(f"{URL}{feed['draft'].reference}/").status_code == 404
    page = reverse("learning:public-detail", args=[feed["draft"].reference])
    assert APIClient().get(page).status_code == 404


def test_the_feed_is_read_only(feed):
    client = APIClient()
    assert client.post(URL, {"text": "x"}, format="json").status_code == 405
    assert client.delete(f"{URL}{feed['awaiting'].reference}/").status_code == 405


def test_the_feed_filters(feed):
    client = APIClient()
    body = client.get(URL, {"recipient": "metropolitan-police-service"}).json()
    assert body["count"] == 3
    assert client.get(URL, {"financial_year": "2023-24"}).json()["count"] == 0
    assert client.get(URL, {"financial_year": "2023"}).status_code == 400


def test_the_published_page(client, feed):
    content = client.get(reverse("learning:public-list")).content.decode()
    assert "Published recommendations" in content
    assert feed["published"].reference in content
    assert "Received, not published" in content
    for secret in (
        "UNPUBLISHED-RESPONSE",
        "WITHHELD-RESPONSE",
        "DRAFT-TEXT",
        feed["draft"].reference,
    ):
        assert secret not in content
    detail = client.get(
        reverse("learning:public-detail", args=[feed["published"].reference])
    ).content.decode()
    assert "PUBLISHED-RESPONSE" in detail
    assert "published 1 June 2024" in detail
    action = feed["published"].responses.get().actions.get()
    assert "Planned actions" in detail
    assert action.description in detail
    assert action.due_on.strftime("%-d %b %Y") in detail
    unpublished = client.get(
        reverse("learning:public-detail", args=[feed["unpublished"].reference])
    ).content.decode()
    assert "A response has been received and is not yet published." in unpublished
    assert "UNPUBLISHED-RESPONSE" not in unpublished


def test_feed_query_count_does_not_grow_with_rows(
    django_assert_max_num_queries, django_assert_num_queries
):
    RespondedRecommendationFactory.create_batch(2, response_record__published_on=D(2024, 6, 1))
    client = APIClient()
    with django_assert_max_num_queries(4) as small:
        assert client.get(f"{URL}?page_size=2").status_code == 200
    RespondedRecommendationFactory.create_batch(20, response_record__published_on=D(2024, 6, 1))
    IssuedRecommendationFactory.create_batch(10)
    client = APIClient()
    with django_assert_num_queries(len(small)):
        assert client.get(f"{URL}?page_size=50").status_code == 200


def test_the_public_feed_filters_by_theme_code_or_name_in_any_case(client, herts):
    taser = IssuedRecommendationFactory(recipient=herts, theme=themed("Use of Taser"))
    other = IssuedRecommendationFactory(recipient=herts)
    for value in ("use_of_taser", "USE OF TASER"):
        results = APIClient().get(URL, {"theme": value}).json()["results"]
        assert [r["reference"] for r in results] == [taser.reference]
        assert (results[0]["theme"], results[0]["theme_code"]) == ("Use of Taser", "use_of_taser")
    content = client.get(reverse("learning:public-list"), {"theme": "use_of_taser"}).content
    content = content.decode()
    assert taser.reference in content
    assert other.reference not in content
    assert '<option value="use_of_taser" selected>Use of Taser</option>' in content
