import datetime as dt

import pytest

from learning import selectors
from learning.models import Recommendation
from learning.tests.factories import (
    mixed_recommendations,
)

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(herts, met):
    return mixed_recommendations(herts, met)


@pytest.mark.parametrize(
    "today", [D(2024, 4, 25), D(2024, 4, 26), D(2024, 6, 3), D(2024, 6, 26), D(2024, 7, 1)]
)
def test_overdue_in_sql_agrees_with_the_rule(mixed, today):
    in_sql = set(
        Recommendation.objects.filter(selectors.overdue_q(today)).values_list(
            "reference", flat=True
        )
    )
    in_python = {r.reference for r in Recommendation.objects.all() if r.is_overdue(today)}
    assert in_sql == in_python


def test_overdue_on_3_june_2024(mixed):
    overdue = set(Recommendation.objects.filter(selectors.overdue_q(D(2024, 6, 3))))
    assert overdue == {mixed["overdue"], mixed["old_overdue"]}
    assert mixed["extended"] not in overdue  # extended to 30 June


def test_overdue_by_recipient_counts_each_recipients_overdue_responses(mixed, herts, met):
    rows = selectors.overdue_by_recipient(today=D(2024, 6, 3))
    assert {(r["recipient__code"], r["overdue"]) for r in rows} == {(herts.code, 1), (met.code, 1)}


def test_a_liaison_sees_only_issued_recommendations_to_their_organisation(
    mixed, liaison, caseworker
):
    mine = set(selectors.recommendation_list(user=liaison))
    assert mine == {mixed[k] for k in ("issued", "overdue", "not_accepted", "late_answer")}
    assert len(selectors.recommendation_list(user=caseworker)) == len(mixed)


def test_the_public_feed_has_no_drafts_and_only_published_responses(mixed, today):
    accepted = mixed["accepted"].responses.get()
    accepted.published_on = today
    accepted.save()
    feed = {r.reference: r for r in selectors.public_recommendation_list()}
    assert mixed["draft"].reference not in feed
    assert len(feed) == len(mixed) - 1
    assert feed[mixed["accepted"].reference].published_responses == [accepted]
    assert feed[mixed["not_accepted"].reference].published_responses == []
