"""A URL no route matches, and an uncaught error: JSON under /api/, the service's page
elsewhere (one error format for the API; issue 14 item 9 and the schema's declarations)."""

import pytest
from django.test import Client
from django.urls import path

from oversight import urls as project_urls
from oversight.core import error_pages


def explode(request):
    raise RuntimeError("boom")


urlpatterns = [
    *project_urls.urlpatterns,
    path("api/v1/explode/", explode),
    path("explode/", explode),
]
handler404 = project_urls.handler404
handler500 = project_urls.handler500


def test_an_api_path_that_matches_no_route_answers_json_404(client, caseworker):
    client.force_login(caseworker)
    response = client.post("/api/v1/recommendations/a/b/c/notes/", {"text": "x"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": error_pages.NOT_FOUND}


def test_a_page_that_matches_no_route_is_the_services_404_page(client, caseworker):
    client.force_login(caseworker)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert b"Page not found" in response.content


@pytest.mark.urls("oversight.tests.test_error_pages")
@pytest.mark.parametrize(
    ("url", "content_type"), [("/api/v1/explode/", "application/json"), ("/explode/", "text/html")]
)
def test_an_uncaught_error_is_json_for_the_api_and_a_page_for_browsers(db, url, content_type):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    assert response["Content-Type"].startswith(content_type)
    if content_type == "application/json":
        assert response.json() == {"detail": error_pages.SERVER_ERROR}
