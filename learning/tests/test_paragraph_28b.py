"""The duties of paragraph 28B of Schedule 3 to the Police Reform Act 2002 that hold state: an
interim reply is not the response (28B(2)); judicial review proceedings extend the period
(28B(4)); representations against publication are decided, not a way out of the duty
(28B(5)-(7))."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from learning import selectors, services
from learning.models import Recommendation
from learning.services import messages
from learning.tests.factories import IssuedRecommendationFactory, OverdueRecommendationFactory
from oversight.performance import aggregates

D = dt.date
pytestmark = pytest.mark.django_db


def respond(recommendation, actor, today, **overrides):
    data = {
        "actor": actor,
        "recommendation": recommendation,
        "status": "accepted",
        "response": "We accept it.",
        "received_via": "api",
        "today": today,
    }
    return services.recommendation_respond(**{**data, **overrides})


def is_overdue_in_sql(recommendation, today):
    return Recommendation.objects.filter(selectors.overdue_q(today), pk=recommendation.pk).exists()


# 28B(2): the response says what will be done, or why nothing; an interim reply does not.


def test_an_interim_reply_is_not_the_response_and_the_recommendation_can_fall_overdue(
    caseworker, liaison, today
):
    recommendation = OverdueRecommendationFactory(recipient=liaison.organisation)  # due 25 April
    reply = respond(
        recommendation,
        caseworker,
        today,
        is_final=False,
        response="We are considering it.",
        responded_on=D(2024, 4, 20),
        received_via="paper",
        receipt_reason="The letter was misfiled.",
    )
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.responded_on, recommendation.response) == (
        "issued",
        None,
        "",
    )
    assert recommendation.is_overdue(today)
    assert is_overdue_in_sql(recommendation, today)
    assert reply.publish_by is None  # only the response is published (28B(5))
    assert recommendation.can_be_answered
    counts = aggregates.recommendation_counts(today=today)
    figures = counts[("2023-24", liaison.organisation.pk)]
    assert (figures["responded"], figures["accepted"], figures["overdue"]) == (0, 0, 1)


def test_an_interim_reply_is_not_published(caseworker, liaison, today):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    reply = respond(recommendation, liaison, today, is_final=False)
    with pytest.raises(ValidationError) as error:
        services.response_publish(
            actor=caseworker, response=reply, published_on=today, today=today
        )
    assert error.value.messages == [messages.NOT_THE_RESPONSE]


# 28B(4): judicial review proceedings started within the period extend it.


def test_judicial_review_proceedings_extend_the_period_by_the_days_in_progress(caseworker, today):
    recommendation = OverdueRecommendationFactory()  # due 25 April 2024
    services.recommendation_judicial_review_start(
        actor=caseworker, recommendation=recommendation, started_on=D(2024, 4, 25), today=today
    )
    recommendation.refresh_from_db()
    assert recommendation.judicial_review_pending
    assert not recommendation.is_overdue(today)
    assert not is_overdue_in_sql(recommendation, today)
    services.recommendation_judicial_review_end(
        actor=caseworker, recommendation=recommendation, ended_on=D(2024, 5, 24), today=today
    )
    recommendation.refresh_from_db()
    # In progress 25 April to 24 May: 30 days, so due 30 days after 25 April.
    assert recommendation.response_due_on == D(2024, 5, 25)
    assert recommendation.is_overdue(today)
    assert is_overdue_in_sql(recommendation, today)


def test_judicial_review_started_after_the_period_does_not_extend_it(caseworker, today):
    recommendation = OverdueRecommendationFactory()  # due 25 April 2024
    with pytest.raises(ValidationError) as error:
        services.recommendation_judicial_review_start(
            actor=caseworker,
            recommendation=recommendation,
            started_on=D(2024, 4, 26),
            today=today,
        )
    assert error.value.message_dict["started_on"] == [
        messages.JUDICIAL_REVIEW_TOO_LATE.format(due="25 April 2024")
    ]
    recommendation.refresh_from_db()
    assert recommendation.judicial_review_started_on is None


def test_judicial_review_dates_are_checked(caseworker, today):
    recommendation = OverdueRecommendationFactory()
    with pytest.raises(ValidationError) as error:
        services.recommendation_judicial_review_start(
            actor=caseworker, recommendation=recommendation, started_on=D(2024, 6, 4), today=today
        )
    assert error.value.message_dict["started_on"] == [messages.JUDICIAL_REVIEW_STARTED_IN_FUTURE]
    services.recommendation_judicial_review_start(
        actor=caseworker, recommendation=recommendation, started_on=D(2024, 4, 1), today=today
    )
    with pytest.raises(ValidationError) as error:
        services.recommendation_judicial_review_end(
            actor=caseworker, recommendation=recommendation, ended_on=D(2024, 3, 31), today=today
        )
    assert error.value.message_dict["ended_on"] == [messages.JUDICIAL_REVIEW_ENDED_BEFORE_START]
    recommendation.refresh_from_db()
    assert recommendation.response_due_on == D(2024, 4, 25)
    with pytest.raises(IntegrityError), transaction.atomic():
        Recommendation.objects.filter(pk=recommendation.pk).update(
            judicial_review_ended_on=D(2024, 3, 1)
        )


def test_only_a_statutory_recommendation_awaiting_its_response_has_a_period_to_extend(
    caseworker, today
):
    recommendation = IssuedRecommendationFactory(is_statutory=False)
    with pytest.raises(ValidationError) as error:
        services.recommendation_judicial_review_start(
            actor=caseworker, recommendation=recommendation, started_on=D(2024, 5, 2), today=today
        )
    assert error.value.messages == [messages.EXTEND_NOT_STATUTORY]


# 28B(5)-(7): publication, and representations against it.


def test_representations_against_publication_wait_for_a_decision(caseworker, liaison, today):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    answer = respond(
        recommendation, liaison, today, representations="Paragraph 2 names an officer."
    )
    assert answer.publish_by is None
    assert answer.awaits_publication_decision
    with pytest.raises(ValidationError) as error:
        services.response_publish(
            actor=caseworker, response=answer, published_on=today, today=today
        )
    assert error.value.messages == [messages.PUBLICATION_NOT_DECIDED]


def test_a_decision_to_publish_in_part_publishes_only_those_parts(caseworker, liaison, today):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    answer = respond(
        recommendation,
        liaison,
        D(2024, 5, 20),
        responded_on=D(2024, 5, 20),
        response="We accept it. Officer X will lead.",
        representations="The second sentence names an officer.",
    )
    services.response_decide_publication(
        actor=caseworker,
        response=answer,
        decision="in_part",
        published_text="We accept it.",
        reasons="The officer's name is left out; the rest is of public interest.",
        decided_on=D(2024, 5, 28),
        today=today,
    )
    answer.refresh_from_db()
    assert answer.publication_decided_by == caseworker
    assert answer.publish_by == D(2024, 6, 17)  # 21 days beginning with the decision
    assert answer.public_text == "We accept it."
    services.response_publish(actor=caseworker, response=answer, published_on=today, today=today)
    answer.refresh_from_db()
    assert answer.published_on == today


def test_a_decision_not_to_publish_removes_the_deadline_and_refuses_publication(
    caseworker, liaison, today
):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    answer = respond(recommendation, liaison, today, representations="It reveals a tactic.")
    services.response_decide_publication(
        actor=caseworker,
        response=answer,
        decision="not_published",
        reasons="It cannot be published without revealing the tactic.",
        decided_on=today,
        today=today,
    )
    answer.refresh_from_db()
    assert (answer.publication_decision, answer.publish_by) == ("not_published", None)
    with pytest.raises(ValidationError) as error:
        services.response_publish(
            actor=caseworker, response=answer, published_on=today, today=today
        )
    assert error.value.messages == [messages.PUBLICATION_DECIDED_NOT.format(decided="3 June 2024")]


@pytest.mark.parametrize(
    ("inputs", "field", "message"),
    [
        ({"decision": "maybe"}, "decision", messages.DECISION_INVALID),
        ({"decision": "in_part", "published_text": " "}, "published_text", None),
        ({"reasons": " "}, "reasons", messages.DECISION_REASONS_REQUIRED),
        ({"decided_on": D(2024, 6, 4)}, "decided_on", messages.DECIDED_IN_FUTURE),
        ({"decided_on": D(2024, 6, 2)}, "decided_on", messages.DECIDED_BEFORE_RECEIPT),
    ],
)
def test_a_bad_decision_on_publication_is_refused_and_writes_nothing(
    caseworker, liaison, today, inputs, field, message
):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    answer = respond(recommendation, liaison, today, representations="It names an officer.")
    data = {
        "actor": caseworker,
        "response": answer,
        "decision": "in_full",
        "reasons": "In the public interest.",
        "decided_on": today,
        "today": today,
        **inputs,
    }
    with pytest.raises(ValidationError) as error:
        services.response_decide_publication(**data)
    expected = message or messages.PUBLISHED_TEXT_REQUIRED
    assert error.value.message_dict[field] == [expected]
    answer.refresh_from_db()
    assert (answer.publication_decision, answer.publication_decided_on) == ("", None)


def test_without_representations_there_is_nothing_to_decide(caseworker, liaison, today):
    recommendation = IssuedRecommendationFactory(recipient=liaison.organisation)
    answer = respond(recommendation, liaison, today)
    assert answer.publish_by == D(2024, 6, 23)
    with pytest.raises(ValidationError) as error:
        services.response_decide_publication(
            actor=caseworker,
            response=answer,
            decision="not_published",
            reasons="Asked by telephone.",
            decided_on=today,
            today=today,
        )
    assert error.value.messages == [messages.NO_REPRESENTATIONS]
