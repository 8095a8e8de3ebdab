"""Recommendations after a review or appeal (paragraph 28ZA of Schedule 3 to the Police Reform
Act 2002, with regulation 30 of the 2020 Regulations): a kind of their own, from the
application, always owed a response within 28 days, outside paragraph 28B and the learning
figures."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from appeals.tests.factories import ApplicationFactory
from learning import services
from learning.services import messages
from learning.tests.factories import AfterReviewRecommendationFactory, themed

D = dt.date
pytestmark = pytest.mark.django_db


def create(actor, today, herts, **overrides):
    review = ApplicationFactory(reference="REV-2024-000101")
    data = {
        "actor": actor,
        "today": today,
        "kind": "after_review",
        "source_kind": "application",
        "source_reference": review.reference,
        "recipient": herts,
        "theme": themed("Custody"),
        "type": "policy_guidance",
        "text": "Apologise to the complainant and review the handling of the complaint.",
        "status": "issued",
    }
    return services.recommendation_create(**{**data, **overrides})


def test_after_a_review_it_is_owed_a_response_within_28_days(caseworker, herts, today):
    recommendation = create(caseworker, today, herts)
    assert recommendation.kind == "after_review"
    assert recommendation.is_statutory is True  # always owed a response
    assert recommendation.response_due_on == D(2024, 7, 1)  # 3 June + 28
    assert recommendation.source_application.reference == "REV-2024-000101"


def test_after_a_review_it_comes_from_an_application(caseworker, herts, today):
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, herts, source_kind="thematic", source_reference="")
    assert error.value.message_dict["source_kind"] == [messages.AFTER_REVIEW_FROM_AN_APPLICATION]


def test_an_unknown_kind_is_refused(caseworker, herts, today):
    with pytest.raises(ValidationError) as error:
        create(caseworker, today, herts, kind="remedy")
    assert error.value.message_dict["kind"] == [messages.KIND_INVALID]


def test_paragraph_28b_extensions_do_not_apply_after_a_review(caseworker, today):
    recommendation = AfterReviewRecommendationFactory()  # due 29 May 2024
    with pytest.raises(ValidationError) as error:
        services.recommendation_extend(
            actor=caseworker,
            recommendation=recommendation,
            requested_on=D(2024, 5, 20),
            new_due_on=D(2024, 6, 30),
            today=today,
        )
    assert error.value.messages == [messages.NOT_PARAGRAPH_28B]
    with pytest.raises(ValidationError) as error:
        services.recommendation_judicial_review_start(
            actor=caseworker, recommendation=recommendation, started_on=D(2024, 5, 20), today=today
        )
    assert error.value.messages == [messages.NOT_PARAGRAPH_28B]


def test_a_response_after_a_review_has_no_28b_publication_deadline(liaison, today):
    recommendation = AfterReviewRecommendationFactory(recipient=liaison.organisation)
    answer = services.recommendation_respond(
        actor=liaison,
        recommendation=recommendation,
        status="accepted",
        response="We accept it and have apologised.",
        received_via="api",
        today=today,
    )
    recommendation.refresh_from_db()
    assert recommendation.status == "accepted"
    assert answer.publish_by is None


def test_a_caseworker_drafts_a_recommendation_after_a_review_from_its_page(
    client_as, caseworker, herts
):
    """The drafting form offers the kind; the detail page shows it and its 28-day period."""
    review = ApplicationFactory(reference="REV-2024-000102")
    client = client_as(caseworker)
    response = client.post(
        "/recommendations/new/",
        {
            "kind": "after_review",
            "source_kind": "application",
            "source_reference": review.reference,
            "recipient": herts.code,
            "theme": themed("Custody").code,
            "type": "policy_guidance",
            "text": "Apologise to the complainant.",
            "is_statutory": "no",
        },
        follow=True,
    )
    assert b"Draft recommendation" in response.content
    page = response.content.decode()
    assert "Recommendation after a review or appeal (paragraph 28ZA)" in page
