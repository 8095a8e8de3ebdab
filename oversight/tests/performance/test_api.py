import datetime as dt

import pytest
from rest_framework.test import APIClient

from cases.tests.factories import DecidedReferralFactory
from oversight.performance.definitions import COUNTS, RATES
from oversight.performance.snapshots import timeliness_compute

pytestmark = pytest.mark.django_db
URL = "/api/v1/timeliness/"


@pytest.fixture
def computed(herts, met):
    DecidedReferralFactory(organisation=herts, received_on=dt.date(2019, 5, 1))
    DecidedReferralFactory(organisation=met, received_on=dt.date(2019, 5, 1))
    timeliness_compute(today=dt.date(2024, 6, 3))


def api_as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_figures_have_exactly_the_contract_names(caseworker, computed):
    body = api_as(caseworker).get(URL, {"financial_year": "2019-20"}).json()
    assert body["financial_year"] == "2019-20"
    assert body["organisation"] is None
    for family, names in COUNTS.items():
        assert set(body[family]) == set(names) | set(RATES[family])
    assert body["referrals"]["received"] == 2
    assert body["referrals"]["decided_within_target_rate"] == 100.0
    assert body["investigations"]["within_12_months_rate"] is None


def test_figures_for_one_organisation(manager, computed):
    body = (
        api_as(manager)
        .get(URL, {"financial_year": "2019-20", "organisation": "hertfordshire-constabulary"})
        .json()
    )
    assert body["organisation"] == "hertfordshire-constabulary"
    assert body["referrals"]["received"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "financial_year"),
        ({"financial_year": "2019"}, "financial_year"),
        ({"financial_year": "2019-21"}, "financial_year"),
        ({"financial_year": "2019-20", "organisation": "atlantis"}, "organisation"),
    ],
)
def test_bad_queries_get_400_with_a_clear_message(caseworker, computed, params, field):
    response = api_as(caseworker).get(URL, params)
    assert response.status_code == 400
    assert field in response.json()


def test_a_year_without_figures_is_404_not_zeros(caseworker, computed):
    response = api_as(caseworker).get(URL, {"financial_year": "2010-11"})
    assert response.status_code == 404
    assert "No figures for 2010/11" in response.json()["detail"]


def test_liaisons_and_anonymous_get_nothing(liaison, computed):
    assert api_as(liaison).get(URL, {"financial_year": "2019-20"}).status_code == 404
    assert APIClient().get(URL, {"financial_year": "2019-20"}).status_code == 401
