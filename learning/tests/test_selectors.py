import datetime as dt

import pytest

from learning import rules, selectors
from learning.models import Recommendation
from learning.tests.factories import (
    ImplementedRecommendationFactory,
    IssuedRecommendationFactory,
    OverdueRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
    ResponseExtensionFactory,
)

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(herts, met):
    """One of each kind of recommendation, in 2023-24 and 2024-25."""
    extended = IssuedRecommendationFactory(recipient=met, issued_on=D(2024, 3, 1))
    ResponseExtensionFactory(recommendation=extended, new_due_on=D(2024, 6, 30))
    extended.response_due_on = D(2024, 6, 30)
    extended.save()
    return {
        "draft": RecommendationFactory(recipient=herts),
        "issued": IssuedRecommendationFactory(recipient=herts),  # due 25 June 2024
        "overdue": OverdueRecommendationFactory(recipient=herts),  # 2023-24, due 25 April
        "old_overdue": OverdueRecommendationFactory(recipient=met, issued_on=D(2023, 4, 1)),
        "not_statutory": IssuedRecommendationFactory(
            recipient=met, is_statutory=False, issued_on=D(2023, 6, 1)
        ),
        "extended": extended,
        "accepted": RespondedRecommendationFactory(recipient=met),
        "not_accepted": RespondedRecommendationFactory(
            recipient=herts, status="not_accepted", issued_on=D(2024, 4, 2)
        ),
        "late_answer": RespondedRecommendationFactory(
            recipient=herts, issued_on=D(2024, 3, 1), responded_on=D(2024, 5, 30)
        ),
        "implemented": ImplementedRecommendationFactory(recipient=met),
    }


@pytest.mark.parametrize(
    "today", [D(2024, 4, 25), D(2024, 4, 26), D(2024, 6, 3), D(2024, 6, 26), D(2024, 7, 1)]
)
def test_overdue_in_sql_agrees_with_the_rule(mixed, today):
    in_sql = set(Recommendation.objects.overdue(today).values_list("reference", flat=True))
    in_python = {r.reference for r in Recommendation.objects.all() if r.is_overdue(today)}
    assert in_sql == in_python


def test_overdue_on_3_june_2024(mixed):
    overdue = set(Recommendation.objects.overdue(D(2024, 6, 3)))
    assert overdue == {mixed["overdue"], mixed["old_overdue"]}
    assert mixed["extended"] not in overdue  # extended to 30 June


def test_counts_per_financial_year_as_the_figures_define_them(mixed):
    counts = selectors.recommendation_counts(
        first=D(2024, 4, 1), last=D(2025, 3, 31), today=D(2024, 6, 3)
    )
    # issued 2024-25: issued (1 May), accepted, not_accepted, implemented (1 May each)
    assert counts == {
        "issued": 4,
        "responded": 3,
        "accepted": 2,  # accepted and implemented; not_accepted is not
        "overdue": 0,
        "acceptance_rate": 2 / 3,
    }
    counts = selectors.recommendation_counts(
        first=D(2023, 4, 1), last=D(2024, 3, 31), today=D(2024, 6, 3)
    )
    assert counts["issued"] == 5
    assert counts["responded"] == 1  # the late answer counts: responded at any date
    assert counts["overdue"] == 2  # not the extended one, not the non-statutory one


def test_counts_for_one_organisation(mixed, herts):
    counts = selectors.recommendation_counts(
        first=D(2023, 4, 1), last=D(2025, 3, 31), today=D(2024, 6, 3), organisation=herts
    )
    assert counts["issued"] == 4  # never the draft
    assert counts["overdue"] == 1


def test_the_counts_agree_with_the_rules_row_by_row(mixed):
    today = D(2024, 6, 3)
    rows = list(Recommendation.objects.issued())
    counts = selectors.recommendation_counts(first=D(2000, 1, 1), last=today, today=today)
    assert counts["issued"] == len(rows)
    assert counts["responded"] == sum(r.status in rules.RESPONDED_STATUSES for r in rows)
    assert counts["accepted"] == sum(r.status in rules.ACCEPTED_STATUSES for r in rows)
    assert counts["overdue"] == sum(r.is_overdue(today) for r in rows)


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
