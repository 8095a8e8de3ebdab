"""The API answers as its schema says, for every audience (issue 14, Done when).

Schemathesis generates requests from the OpenAPI schema each audience is served (staff, a force
liaison, the public) and checks every answer: no server error, a status the schema declares,
a body and headers that match it. Left out: the heuristic that a request the schema allows
must succeed (a financial year "3517-33" has the pattern but years that do not follow: a
declared 400 is the right answer). It runs in-process against the WSGI application, on the
test database, so it needs no server.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from appeals.tests.factories import ApplicationFactory, UpheldApplicationFactory
from cases.tests.factories import (
    CompletedInvestigationFactory,
    DecidedReferralFactory,
    InvestigationFactory,
    PausedInvestigationFactory,
    ReferralFactory,
)
from learning.tests.factories import (
    IssuedRecommendationFactory,
    RecommendationFactory,
    RespondedRecommendationFactory,
)
from oversight.core.services import api_token_create
from oversight.wsgi import application

ROLES = ("caseworker", "manager", "liaison", "public")
# Enough generated requests per operation to find a missing declaration, few enough for CI.
EXAMPLES = 8


def schema_for(user):
    client = Client()
    client.force_login(user)
    response = client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content[:200]
    return response.json()


@pytest.fixture
def records(herts):
    """One record of each kind and state the lists answer with, so that their bodies are
    checked against the schema too (blank and null fields among them)."""
    for factory in (ReferralFactory, DecidedReferralFactory):
        factory()
    for factory in (
        InvestigationFactory,
        PausedInvestigationFactory,
        CompletedInvestigationFactory,
    ):
        factory()
    for factory in (ApplicationFactory, UpheldApplicationFactory):
        factory()
    RecommendationFactory(recipient=herts)
    IssuedRecommendationFactory(recipient=herts)
    RespondedRecommendationFactory(recipient=herts)


@pytest.fixture(params=ROLES)
def audience(request, caseworker, manager, liaison, records):
    user = {"caseworker": caseworker, "manager": manager, "liaison": liaison}.get(request.param)
    return request.param, user


@pytest.fixture
def connection_kept(audience_schema, auth_headers):
    """Called straight, the WSGI application closes the database connection after each
    request (request_started, request_finished); the test's transaction lives on it.
    Django's test client disconnects the same handler, and connects it again after each of
    its requests: so this comes after the schema was fetched."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def audience_schema(audience, caseworker):
    role, user = audience
    # The schema is served to those signed in; the public's part is the public feed.
    document = schema_for(user or caseworker)
    if role == "public":
        document["paths"] = {p: v for p, v in document["paths"].items() if "/public/" in p}
    loaded = schemathesis.openapi.from_dict(document)
    loaded.app = application
    return loaded


@pytest.fixture
def auth_headers(audience):
    _, user = audience
    if user is None:
        return {}
    return {"Authorization": f"Token {api_token_create(user=user)}"}


def test_every_answer_matches_the_audiences_schema(
    audience_schema, auth_headers, audience, connection_kept
):
    """Every operation the audience is served, EXAMPLES generated requests each: each answer
    has a declared status and conforms to the schema; no 5xx."""
    failures, calls = {}, 0
    for result in audience_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case):
            nonlocal calls
            calls += 1
            case.call_and_validate(
                headers=auth_headers, app=application, excluded_checks=[positive_data_acceptance]
            )

        try:
            check()
        except BaseExceptionGroup as error:  # every operation's failures, reported together
            failures[operation.label] = [" ".join(str(e).split())[:400] for e in error.exceptions]
        except AssertionError as error:
            failures[operation.label] = str(error).splitlines()[:3]
    print(f"{audience[0]}: {calls} requests")
    for label, problems in failures.items():
        print("FAIL", audience[0], label, problems)
    assert failures == {}
