"""The database aggregates agree with the pure definitions on the same rows, family by family,
including the boundaries: financial-year edges, month ends, major investigations, invalid and
forwarded applications, partially accepted and implemented recommendations."""

import datetime as dt
import random

import pytest

from appeals.models import Application
from appeals.tests.factories import (
    AppealFactory,
    ApplicationFactory,
    DecidedApplicationFactory,
    ForwardedApplicationFactory,
    InvalidApplicationFactory,
    UpheldApplicationFactory,
)
from cases.models import Investigation
from cases.tests.factories import (
    CompletedInvestigationFactory,
    InvestigationFactory,
    MajorInvestigationFactory,
)
from learning.models import Recommendation
from learning.tests.factories import (
    AfterReviewRecommendationFactory,
    ImplementedRecommendationFactory,
    IssuedRecommendationFactory,
    OverdueRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
)
from oversight.performance import aggregates, definitions

D = dt.date
TODAY = D(2024, 6, 3)
YEARS = ["2018-19", "2019-20", "2020-21", "2023-24", "2024-25"]
pytestmark = pytest.mark.django_db


def assert_agree(database, expected_by_key):
    for key, expected in expected_by_key.items():
        got = {name: database.get(key, {}).get(name, 0) for name in expected}
        assert got == expected, key


def test_investigations(herts, met):
    rng = random.Random(3)
    for started, months_later in [
        (D(2019, 8, 31), 6),  # ends 29 Feb 2020: within 6 months (leap year)
        (D(2018, 9, 30), 6),  # completed 31 Mar 2019: last day of 2018-19
        (D(2018, 10, 1), 6),  # completed 1 Apr 2019: first day of 2019-20
    ]:
        CompletedInvestigationFactory(
            referral__organisation=herts,
            started_on=started,
            completed_on=min(started.replace(day=28) + dt.timedelta(days=months_later * 31), TODAY)
            if started.day < 29
            else D(2020, 2, 29),
        )
    for _ in range(25):
        started = D(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 1800))
        completed = started + dt.timedelta(days=rng.randrange(60, 560))
        if completed > TODAY:
            continue
        CompletedInvestigationFactory(
            referral__organisation=rng.choice([herts, met]),
            started_on=started,
            completed_on=completed,
        )
    MajorInvestigationFactory(
        referral__organisation=herts,
        started_on=D(2017, 1, 1),
        status="completed",
        completed_on=D(2019, 6, 1),
        status_changed_on=D(2019, 6, 1),
    )
    InvestigationFactory(referral__organisation=met)  # open
    database = aggregates.investigation_counts(today=TODAY)
    expected = {}
    for organisation in (herts, met):
        rows = [
            definitions.InvestigationRow(i.started_on, i.completed_on, i.is_major)
            for i in Investigation.objects.filter(referral__organisation=organisation)
        ]
        for year in YEARS:
            expected[(year, organisation.pk)] = definitions.investigation_counts(rows, year)
    assert_agree(database, expected)
    assert sum(v["completed"] for v in expected.values()) > 10


def test_applications(herts, met):
    for organisation in (herts, met):
        ApplicationFactory(organisation=organisation, received_on=D(2024, 4, 1))
        DecidedApplicationFactory(organisation=organisation, received_on=D(2024, 3, 31))
        UpheldApplicationFactory(organisation=organisation, received_on=D(2024, 3, 1))
        UpheldApplicationFactory(organisation=organisation, received_on=D(2023, 4, 1))
        InvalidApplicationFactory(organisation=organisation)
        ForwardedApplicationFactory(organisation=organisation)  # another body's: not counted
    AppealFactory(organisation=herts)
    database = aggregates.application_counts(today=TODAY)
    expected = {}
    for organisation in (herts, met):
        rows = [
            definitions.ApplicationRow(a.received_on, a.is_valid, a.decided_on, a.result)
            for a in Application.objects.counted().filter(organisation=organisation)
        ]
        for year in YEARS:
            expected[(year, organisation.pk)] = definitions.application_counts(rows, year)
    assert_agree(database, expected)
    assert expected[("2023-24", herts.pk)]["upheld"] == 1  # decided in May 2023
    assert expected[("2024-25", herts.pk)]["upheld"] == 1  # received March, decided April 2024
    parts = aggregates.application_counts_by_part(today=TODAY)
    reviews, appeals = parts["reviews"], parts["appeals"]
    # Each part, split from one pass, agrees with the definitions over that part's rows.
    for part, selection in {
        "applications": {},
        "appeals": {"kind": "appeal"},
        "reviews": {"kind": "review"},
        "reviews_after_investigation": {"kind": "review", "subject": "investigation_outcome"},
        "reviews_otherwise": {"kind": "review", "subject": "non_investigation_handling"},
    }.items():
        expected = {}
        for organisation in (herts, met):
            rows = [
                definitions.ApplicationRow(a.received_on, a.is_valid, a.decided_on, a.result)
                for a in Application.objects.counted().filter(
                    organisation=organisation, **selection
                )
            ]
            for year in YEARS:
                expected[(year, organisation.pk)] = definitions.application_counts(rows, year)
        assert_agree(parts[part], expected)
    assert appeals[("2019-20", herts.pk)]["received"] == 1
    assert ("2019-20", herts.pk) not in reviews


def test_recommendations(herts, met):
    for organisation in (herts, met):
        RecommendationFactory(recipient=organisation)  # draft: never counted
        IssuedRecommendationFactory(recipient=organisation)
        IssuedRecommendationFactory(recipient=organisation, issued_on=D(2024, 4, 9))  # due today
        OverdueRecommendationFactory(recipient=organisation)
        # Past its due date, but judicial review proceedings are in progress (28B(4)).
        OverdueRecommendationFactory(
            recipient=organisation, judicial_review_started_on=D(2024, 4, 1)
        )
        # After a review (paragraph 28ZA): a remedy, not a learning recommendation.
        AfterReviewRecommendationFactory(recipient=organisation)
        RespondedRecommendationFactory(recipient=organisation, status="partially_accepted")
        RespondedRecommendationFactory(recipient=organisation, status="not_accepted")
        ImplementedRecommendationFactory(recipient=organisation, issued_on=D(2024, 3, 31))
        IssuedRecommendationFactory(
            recipient=organisation, is_statutory=False, issued_on=D(2023, 5, 1)
        )
    database = aggregates.recommendation_counts(today=TODAY)
    expected = {}
    for organisation in (herts, met):
        rows = [
            definitions.RecommendationRow(
                r.issued_on,
                r.status,
                r.is_statutory,
                r.responded_on,
                r.response_due_on,
                r.judicial_review_pending,
                r.kind,
            )
            for r in Recommendation.objects.filter(recipient=organisation)
        ]
        for year in YEARS:
            expected[(year, organisation.pk)] = definitions.recommendation_counts(
                rows, year, TODAY
            )
    assert_agree(database, expected)
    assert expected[("2024-25", herts.pk)] == {
        "issued": 4,
        "responded": 2,
        "accepted": 1,
        "overdue": 0,
    }
    assert expected[("2023-24", herts.pk)]["overdue"] == 1


def test_investigations_by_headline_mode(herts, met):
    """Independent and directed (managed included) core completions, and within 6 and 12
    months, apart: the database agrees with the definitions on each part's rows."""
    rng = random.Random(7)
    for _ in range(30):
        started = D(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 1800))
        completed = started + dt.timedelta(days=rng.randrange(60, 560))
        if completed > TODAY:
            continue
        mode = rng.choice(["independent", "directed", "managed", "supervised"])
        CompletedInvestigationFactory(
            referral__organisation=rng.choice([herts, met]),
            referral__mode=mode,
            started_on=started,
            completed_on=completed,
        )
    MajorInvestigationFactory(
        referral__organisation=herts,
        started_on=D(2017, 1, 1),
        status="completed",
        completed_on=D(2019, 6, 1),
        status_changed_on=D(2019, 6, 1),
    )
    parts = aggregates.investigation_counts_by_part(today=TODAY)
    totals = dict.fromkeys(parts, 0)
    for organisation in (herts, met):
        rows = [
            definitions.InvestigationRow(i.started_on, i.completed_on, i.is_major, i.mode)
            for i in Investigation.objects.filter(referral__organisation=organisation)
        ]
        for year in YEARS:
            expected = definitions.investigation_counts_by_part(rows, year)
            assert set(expected) == set(parts)
            for part, counts in expected.items():
                assert_agree(parts[part], {(year, organisation.pk): counts})
                totals[part] += counts["completed"]
    assert totals["independent_investigations"] > 0
    assert totals["directed_investigations"] > 0
    # Supervised ones are in the whole only.
    assert totals["investigations"] > (
        totals["independent_investigations"] + totals["directed_investigations"]
    )
