"""Every response carries a Permissions-Policy; the home page takes GET only (issue 14,
item 11)."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/sign-in/", "/recommendations/published/", "/api/v1/me/"])
def test_every_response_refuses_camera_microphone_and_geolocation(client, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_the_home_page_answers_405_to_anything_but_get(client_as, caseworker, method):
    response = getattr(client_as(caseworker), method)("/")
    assert response.status_code == 405
