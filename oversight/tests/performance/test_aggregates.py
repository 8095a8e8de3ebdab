"""The figures' grouped queries on hand-built rows: the years and organisations each count
falls in, the parts of appeals and reviews, what is never counted. (Their agreement with the
pure definitions on the same rows is test_parity.py.)"""

import datetime as dt
from collections import Counter

import pytest

from appeals import rules
from appeals.models import Application
from appeals.tests.factories import (
    ApplicationFactory,
    DecidedApplicationFactory,
    ForwardedApplicationFactory,
    InvalidApplicationFactory,
    UpheldApplicationFactory,
    ValidApplicationFactory,
)
from learning import rules as learning_rules
from learning.models import Recommendation
from learning.tests.factories import (
    mixed_recommendations,
)
from oversight.core.calendar import financial_year_of
from oversight.performance import aggregates

D = dt.date
TODAY = D(2024, 6, 3)
pytestmark = pytest.mark.django_db


# Appeals and reviews -----------------------------------------------------------------------


def _expected_counts(rows) -> dict:
    counts = {}
    for row in rows:
        if row.status == "forwarded":
            continue
        key = (financial_year_of(row.received_on), row.organisation_id)
        bucket = counts.setdefault(key, Counter())
        bucket["received"] += 1
        bucket["valid"] += row.is_valid is True
        if row.is_valid and row.decided_on:
            key = (financial_year_of(row.decided_on), row.organisation_id)
            bucket = counts.setdefault(key, Counter())
            bucket["decided"] += 1
            bucket["upheld"] += rules.is_upheld(row.result) is True
    return {
        key: {name: value.get(name, 0) for name in ["received", "valid", "decided", "upheld"]}
        for key, value in counts.items()
    }


def test_counts_by_year_agree_with_the_definitions(herts, met):
    # Received in 2023-24 and decided in 2024-25, on both sides of 1 April.
    UpheldApplicationFactory(
        organisation=herts,
        outcome_notified_on=D(2024, 3, 1),
        received_on=D(2024, 3, 28),
        judged_on=D(2024, 3, 29),
        decided_on=D(2024, 4, 1),
    )
    DecidedApplicationFactory(
        organisation=herts,
        outcome_notified_on=D(2024, 3, 1),
        received_on=D(2024, 3, 31),
        judged_on=D(2024, 3, 31),
        decided_on=D(2024, 3, 31),
    )
    ValidApplicationFactory(organisation=met, received_on=D(2024, 4, 1))
    InvalidApplicationFactory(organisation=met)
    ApplicationFactory(organisation=herts)
    ForwardedApplicationFactory(organisation=herts)
    UpheldApplicationFactory(organisation=met, complaint_made_on=D(2019, 5, 1))

    counts = aggregates.application_counts_by_part(today=TODAY)["applications"]
    assert counts == _expected_counts(Application.objects.all())
    assert counts[("2023-24", herts.pk)] == {"received": 2, "valid": 2, "decided": 1, "upheld": 0}
    assert counts[("2024-25", herts.pk)] == {"received": 1, "valid": 0, "decided": 1, "upheld": 1}


def test_counts_can_keep_reviews_after_an_investigation_apart(herts):
    UpheldApplicationFactory(organisation=herts, subject="investigation_outcome")
    DecidedApplicationFactory(organisation=herts, subject="non_investigation_handling")
    parts = aggregates.application_counts_by_part(today=TODAY)
    after, otherwise = parts["reviews_after_investigation"], parts["reviews_otherwise"]
    assert after[("2024-25", herts.pk)]["upheld"] == 1
    assert otherwise[("2024-25", herts.pk)]["upheld"] == 0
    assert "appeals" not in parts


def test_forwarded_applications_are_not_counted():
    kept = DecidedApplicationFactory()
    ForwardedApplicationFactory(organisation=kept.organisation, received_on=kept.received_on)
    counts = aggregates.application_counts_by_part(today=TODAY)["applications"]
    year = financial_year_of(kept.received_on)
    assert counts[(year, kept.organisation_id)]["received"] == 1


# Recommendations ---------------------------------------------------------------------------


@pytest.fixture
def mixed(herts, met):
    return mixed_recommendations(herts, met)


def in_years(years, *, organisation=None, today=TODAY) -> dict:
    """The recommendation counts of these financial years, in total or for one organisation."""
    total = dict.fromkeys(["issued", "responded", "accepted", "overdue"], 0)
    for (year, recipient_id), values in aggregates.recommendation_counts(today=today).items():
        if year not in years or (organisation is not None and recipient_id != organisation.pk):
            continue
        for name, value in values.items():
            total[name] += value
    return total


def test_counts_per_financial_year_as_the_figures_define_them(mixed):
    counts = in_years(["2024-25"])
    # issued 2024-25: issued (1 May), accepted, not_accepted, implemented (1 May each)
    assert counts == {
        "issued": 4,
        "responded": 3,
        "accepted": 2,  # accepted and implemented; not_accepted is not
        "overdue": 0,
    }
    counts = in_years(["2023-24"])
    assert counts["issued"] == 5
    assert counts["responded"] == 1  # the late answer counts: responded at any date
    assert counts["overdue"] == 2  # not the extended one, not the non-statutory one


def test_counts_for_one_organisation(mixed, herts):
    counts = in_years(["2023-24", "2024-25"], organisation=herts)
    assert counts["issued"] == 4  # never the draft
    assert counts["overdue"] == 1


def test_the_counts_agree_with_the_rules_row_by_row(mixed):
    today = D(2024, 6, 3)
    rows = list(Recommendation.objects.issued())
    counts = in_years([financial_year_of(r.issued_on) for r in rows], today=today)
    assert counts["issued"] == len(rows)
    assert counts["responded"] == sum(r.status in learning_rules.RESPONDED_STATUSES for r in rows)
    assert counts["accepted"] == sum(r.status in learning_rules.ACCEPTED_STATUSES for r in rows)
    assert counts["overdue"] == sum(r.is_overdue(today) for r in rows)
