"""The OpenAPI schema and its docs: per role, and working under the CSP."""

import re

import pytest
from rest_framework.test import APIClient

from oversight.core.services import api_token_create

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def _schema_paths(user) -> dict:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=user)}")
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()["paths"]


def test_a_liaisons_schema_lists_only_the_endpoints_a_liaison_may_use(liaison):
    paths = _schema_paths(liaison)
    operations = {(path, method) for path, item in paths.items() for method in item}
    assert ("/api/v1/recommendations/", "get") in operations
    assert ("/api/v1/recommendations/{reference}/", "get") in operations
    assert ("/api/v1/recommendations/{reference}/response/", "post") in operations
    assert ("/api/v1/me/", "get") in operations
    staff_only = [
        ("/api/v1/recommendations/", "post"),
        ("/api/v1/recommendations/{reference}/", "patch"),
        ("/api/v1/recommendations/{reference}/issue/", "post"),
        ("/api/v1/timeliness/", "get"),
        ("/api/v1/work/", "get"),
    ]
    assert not operations & set(staff_only)
    assert not [path for path in paths if path.startswith(("/api/v1/referrals/", "/api/v1/inv"))]
    assert not [path for path in paths if path.startswith("/api/v1/applications/")]
    assert not [path for path in paths if path.endswith("/notes/")]


def test_a_caseworkers_schema_lists_the_staff_endpoints(caseworker):
    paths = _schema_paths(caseworker)
    assert {"get", "post"} <= set(paths["/api/v1/referrals/"])
    assert "post" in paths["/api/v1/recommendations/{reference}/issue/"]
    assert "get" in paths["/api/v1/timeliness/"]


@pytest.mark.parametrize("path", ["/api/schema/docs/", "/api/schema/redoc/", "/api/schema/"])
def test_options_on_the_schema_and_its_docs_answers_without_a_server_error(
    client_as, caseworker, path
):
    response = client_as(caseworker).options(path)
    assert response.status_code < 500


def test_options_on_the_docs_anonymously_asks_for_sign_in(client):
    assert client.options("/api/schema/docs/").status_code in {401, 403}


def _assert_every_script_carries_the_nonce(response):
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = SCRIPT_TAG.findall(html)
    assert scripts
    unsigned = [tag for tag in scripts if f'nonce="{nonce}"' not in tag]
    assert not unsigned, unsigned


@pytest.mark.parametrize("path", ["/api/schema/docs/", "/api/schema/redoc/"])
def test_every_script_of_the_api_docs_carries_the_csp_nonce(client_as, caseworker, path):
    response = client_as(caseworker).get(path)
    assert response.status_code == 200
    _assert_every_script_carries_the_nonce(response)


@pytest.mark.parametrize("path", ["/api/v1/recommendations/", "/api/v1/me/"])
def test_every_script_of_the_browsable_api_carries_the_csp_nonce(client_as, liaison, path):
    response = client_as(liaison).get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    _assert_every_script_carries_the_nonce(response)
