"""Hostile query parameters on every list, page and API alike, signed in and anonymous:
each is read by a validator, so the answer is a 400 naming the parameter (API) or the page
with a form error, never a 500 (issue 14, item 4)."""

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from appeals.tests.factories import ApplicationFactory
from cases.tests.factories import InvestigationFactory, ReferralFactory
from learning.tests.factories import IssuedRecommendationFactory
from oversight.tests.helpers import token_client

HOSTILE = [
    "%",
    "%s%d%(x)s",
    "9" * 5000,
    "a\x00b",
    "2024-01-01T00:00:00+99:00",
    "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59",
    "0815-06-03",
    "-1",
    "99999999999999999999999",
]
LIST_PARAMS = ["q", "page", "page_size", "after", "before", "ordering", "owner", "unallocated"]
CASE_PARAMS = [*LIST_PARAMS, "updated_since", "financial_year", "organisation", "status"]
RECOMMENDATION_PARAMS = [
    *CASE_PARAMS,
    *("recipient", "theme", "type", "source", "overdue", "is_statutory", "expand"),
]
APPLICATION_PARAMS = [*CASE_PARAMS, "decided_financial_year", "decided", "made_in_time", "kind"]
PUBLIC_PARAMS = ["page", "page_size", "after", "before", "recipient", "theme", "type"]
PUBLIC_PARAMS.append("financial_year")
# (path, its query parameters, who asks: staff, liaison or anyone)
ROUTES = [
    ("/api/v1/referrals/", CASE_PARAMS + ["mode", "matter_type"], "staff"),
    ("/api/v1/investigations/", CASE_PARAMS + ["mode", "is_major"], "staff"),
    ("/api/v1/applications/", APPLICATION_PARAMS, "staff"),
    ("/api/v1/recommendations/", RECOMMENDATION_PARAMS, "staff"),
    ("/api/v1/recommendations/", RECOMMENDATION_PARAMS, "liaison"),
    ("/api/v1/public/recommendations/", PUBLIC_PARAMS, "anyone"),
    ("/api/v1/work/", ["owner", "unallocated"], "staff"),
    ("/api/v1/timeliness/", ["financial_year", "organisation"], "staff"),
    ("/", ["owner", "unallocated", "page"], "staff"),
    ("/referrals/", CASE_PARAMS, "staff"),
    ("/referrals/export.csv", CASE_PARAMS, "staff"),
    ("/investigations/", CASE_PARAMS, "staff"),
    ("/investigations/ageing/", CASE_PARAMS, "staff"),
    ("/investigations/export.csv", CASE_PARAMS, "staff"),
    ("/applications/", APPLICATION_PARAMS, "staff"),
    ("/applications/export.csv", APPLICATION_PARAMS, "staff"),
    ("/recommendations/", RECOMMENDATION_PARAMS, "staff"),
    ("/recommendations/", RECOMMENDATION_PARAMS, "liaison"),
    ("/recommendations/export.csv", RECOMMENDATION_PARAMS, "staff"),
    ("/recommendations/published/", PUBLIC_PARAMS, "anyone"),
    ("/performance/", ["financial_year"], "staff"),
    ("/performance/export.csv", ["financial_year"], "staff"),
    ("/performance/targets/", ["financial_year"], "staff"),
]
CASES = [(path, param, who) for path, params, who in ROUTES for param in params]


def _client(path, who, users):
    user = {"staff": users["manager"], "liaison": users["force_liaison"]}.get(who)
    if path.startswith("/api/"):
        return token_client(user) if user else APIClient()
    client = Client()
    if user:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "param", "who"), CASES, ids=[f"{w}:{p}?{q}" for p, q, w in CASES]
)
def test_a_hostile_query_parameter_is_refused_never_a_server_error(path, param, who, users, herts):
    ReferralFactory(organisation=herts)
    InvestigationFactory()
    ApplicationFactory(organisation=herts)
    IssuedRecommendationFactory(recipient=herts)
    client = _client(path, who, users)
    for value in HOSTILE:
        cache.clear()  # no throttle
        response = client.get(path, {param: value})
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        assert response.status_code < 500, (param, value, response.status_code)
        if path.startswith("/api/") and response.status_code == 400:
            assert param in response.json(), (param, value, response.json())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "param", "value"),
    [
        ("/api/v1/referrals/", "financial_year", "%"),
        ("/api/v1/applications/", "decided_financial_year", "%s"),
        ("/api/v1/public/recommendations/", "financial_year", "%"),
        ("/api/v1/recommendations/", "updated_since", "2024-01-01T00:00:00+99:00"),
        ("/api/v1/recommendations/", "updated_since", "0001-01-01T00:00:00+23:59"),
        ("/api/v1/referrals/", "updated_since", "0815-06-03T00:00:00Z"),
    ],
)
def test_the_api_answers_400_naming_the_bad_parameter(path, param, value, manager):
    response = token_client(manager).get(path, {param: value})
    assert response.status_code == 400
    assert list(response.json()) == [param]


@pytest.mark.django_db
def test_a_list_page_shows_a_bad_financial_year_as_a_form_error(client_as, manager):
    response = client_as(manager).get("/referrals/", {"financial_year": "%"})
    assert response.status_code == 200
    assert "is not a financial year" in response.content.decode()


@pytest.mark.django_db
def test_the_public_feed_takes_a_bad_financial_year_as_a_form_error_anonymously(client):
    response = client.get("/recommendations/published/", {"financial_year": "%s"})
    assert response.status_code == 200
    assert "is not a financial year" in response.content.decode()
