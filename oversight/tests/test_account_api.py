"""GET /api/v1/me/: who a token or session belongs to."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from oversight.tests.helpers import token_client

URL = "/api/v1/me/"


def test_a_liaison_token_says_whose_and_which_organisation(liaison, herts):
    response = token_client(liaison).get(URL)
    assert response.status_code == 200
    assert response.json() == {
        "username": liaison.username,
        "name": liaison.get_full_name(),
        "role": "force_liaison",
        "organisation": herts.code,
        "organisation_name": herts.name,
    }


def test_staff_have_no_organisation(caseworker, manager):
    for user, role in [(caseworker, "caseworker"), (manager, "manager")]:
        body = token_client(user).get(URL).json()
        assert (body["username"], body["role"]) == (user.username, role)
        assert body["organisation"] is None
        assert body["organisation_name"] is None


def test_a_session_works_too_and_anonymous_is_refused(client_as, caseworker, db):
    assert client_as(caseworker).get(URL).json()["username"] == caseworker.username
    response = APIClient().get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_it_only_reads(liaison):
    client = token_client(liaison)
    assert client.post(URL, {}, format="json").status_code == 405
    with CaptureQueriesContext(connection) as captured:
        client.get(URL)
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in captured.captured_queries)
