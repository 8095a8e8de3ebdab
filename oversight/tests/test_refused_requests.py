"""Refused requests are attributed (who, from where, what, the outcome) and a manager sees
repeated probes per user and address."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from learning.tests.factories import IssuedRecommendationFactory
from oversight.core.refusals.models import RefusedRequest
from oversight.core.services import api_token_create

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC)


def _token_client(user, address="203.0.113.7"):
    client = APIClient(REMOTE_ADDR=address)
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=user)}")
    return client


def test_a_liaison_probing_another_forces_reference_is_recorded(liaison, met):
    theirs = IssuedRecommendationFactory(recipient=met)
    path = f"/api/v1/recommendations/{theirs.reference}/"
    assert _token_client(liaison).get(path).status_code == 404
    (row,) = RefusedRequest.objects.all()
    assert (row.user, row.address, row.method, row.path, row.status) == (
        liaison,
        "203.0.113.7",
        "GET",
        path,
        404,
    )


def test_a_liaison_refused_a_staff_write_is_recorded(liaison):
    response = _token_client(liaison).post("/api/v1/recommendations/", {}, format="json")
    assert response.status_code == 404
    assert RefusedRequest.objects.get().method == "POST"


def test_a_refused_page_for_a_signed_in_user_is_recorded(client_as, liaison, met):
    theirs = IssuedRecommendationFactory(recipient=met)
    url = reverse("learning:recommendation-detail", args=[theirs.reference])
    assert client_as(liaison).get(url).status_code == 404
    row = RefusedRequest.objects.get()
    assert (row.user, row.path, row.status) == (liaison, url, 404)


def test_a_403_is_recorded(caseworker):
    recommendation = IssuedRecommendationFactory()
    path = f"/api/v1/recommendations/{recommendation.reference}/response/"
    answer = {"status": "accepted", "response": "We accept."}
    assert _token_client(caseworker).post(path, answer, format="json").status_code == 403
    assert RefusedRequest.objects.get().status == 403


def test_a_401_to_a_bad_token_is_recorded_without_a_user():
    client = APIClient(REMOTE_ADDR="198.51.100.1")
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert client.get("/api/v1/recommendations/").status_code == 401
    row = RefusedRequest.objects.get()
    assert (row.user, row.address, row.status) == (None, "198.51.100.1", 401)


def test_an_anonymous_404_of_the_public_site_is_not_recorded(client):
    assert client.get("/recommendations/published/REC-2024-999999/").status_code == 404
    assert not RefusedRequest.objects.exists()


def test_an_allowed_request_is_not_recorded(liaison, herts):
    own = IssuedRecommendationFactory(recipient=herts)
    assert _token_client(liaison).get(f"/api/v1/recommendations/{own.reference}/").status_code
    assert not RefusedRequest.objects.exists()


def _refusals(user, address, *, count, ago):
    with time_machine.travel(NOW - ago, tick=False):
        for _ in range(count):
            RefusedRequest.objects.create(
                user=user, address=address, method="GET", path="/x/", status=404
            )


def test_managers_see_refusals_per_user_and_address_the_most_first(
    client_as, manager, liaison, caseworker
):
    _refusals(liaison, "203.0.113.7", count=5, ago=dt.timedelta(hours=1))
    _refusals(liaison, "203.0.113.7", count=2, ago=dt.timedelta(days=3))
    _refusals(liaison, "203.0.113.8", count=1, ago=dt.timedelta(hours=2))
    _refusals(caseworker, "192.0.2.1", count=3, ago=dt.timedelta(days=2))
    _refusals(caseworker, "192.0.2.1", count=9, ago=dt.timedelta(days=8))  # too old
    with time_machine.travel(NOW, tick=False):
        response = client_as(manager).get(reverse("refused-requests"))
    assert response.status_code == 200
    rows = [
        (row["user__username"], row["address"], row["last_day"], row["last_week"])
        for row in response.context["page_obj"].rows
    ]
    assert rows == [
        ("lee", "203.0.113.7", 5, 7),
        ("lee", "203.0.113.8", 1, 1),
        ("casey", "192.0.2.1", 0, 3),
    ]
    assert 'href="/refused-requests/"' in response.content.decode()  # in the navigation


@pytest.mark.parametrize("role", ["caseworker", "force_liaison"])
def test_only_managers_see_refused_requests(client_as, users, role):
    assert client_as(users[role]).get(reverse("refused-requests")).status_code == 404


@pytest.mark.parametrize("pairs", [2, 40])
def test_the_refused_requests_page_costs_the_same_queries_at_any_size(
    client_as, manager, liaison, pairs, django_assert_max_num_queries
):
    for number in range(pairs):
        _refusals(liaison, f"203.0.113.{number}", count=2, ago=dt.timedelta(hours=1))
    client = client_as(manager)
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(6):
        assert client.get(reverse("refused-requests")).status_code == 200
