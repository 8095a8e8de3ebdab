"""A database outage: API clients get JSON 503 with Retry-After, browsers the GOV.UK page.

The outage is real: the connection is pointed at a port nothing listens on, so every query
fails to connect, as it would with the server down."""

import contextlib
import json
import socket

import pytest
from django.db import connection
from django.test import Client

from oversight.tests.helpers import token_client

pytestmark = pytest.mark.django_db(transaction=True)


@contextlib.contextmanager
def database_down():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(saved)


def assert_api_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["code"] == "service_unavailable"
    assert "unavailable" in body["detail"]


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert '<h1 class="govuk-heading-l">Sorry, the service is unavailable</h1>' in page
    assert "govuk/application.css" in page


def test_an_api_client_with_a_token_gets_json_503_with_retry_after(caseworker):
    client = token_client(caseworker)
    client.raise_request_exception = False
    with database_down():  # the token is looked up in the database
        response = client.get("/api/v1/referrals/")
    assert_api_unavailable(response)


def test_an_api_client_signed_in_by_session_gets_json_503_with_retry_after(caseworker):
    client = Client(raise_request_exception=False)
    client.force_login(caseworker)
    with database_down():
        response = client.get("/api/v1/referrals/")
    assert_api_unavailable(response)


def test_a_signed_in_browser_gets_the_service_unavailable_page(caseworker):
    client = Client(raise_request_exception=False)
    client.force_login(caseworker)  # a session in the database, read on every page
    with database_down():
        response = client.get("/referrals/")
    assert_unavailable_page(response)


def test_the_service_unavailable_page_renders_without_the_database():
    """Rendered with the database unreachable, for a session it could not look up."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-the-server-cannot-look-up"
    with database_down():
        response = client.get("/")
    assert_unavailable_page(response)
