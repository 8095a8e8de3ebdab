"""Users and API tokens are in the audit history (never a password hash, key or digest), and
a user lists and revokes their own tokens."""

import pytest
from django.apps import apps
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from oversight.core.models import Role
from oversight.core.services import api_token_create
from oversight.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

UserEvent = apps.get_model("oversight", "UserEvent")
UserPasswordEvent = apps.get_model("oversight", "UserPasswordEvent")
APITokenEvent = apps.get_model("oversight", "APITokenEvent")


def test_a_change_of_role_organisation_and_activity_is_in_the_history(liaison):
    other = OrganisationFactory()
    liaison.organisation = other
    liaison.is_active = False
    liaison.save()
    latest = UserEvent.objects.filter(pgh_obj=liaison).order_by("pgh_id").last()
    assert (latest.pgh_label, latest.organisation_id, latest.is_active) == (
        "update",
        other.pk,
        False,
    )
    liaison.role = Role.CASEWORKER
    liaison.organisation = None
    liaison.save()
    assert UserEvent.objects.filter(pgh_obj=liaison).order_by("pgh_id").last().role == "caseworker"


def test_a_sign_in_alone_adds_nothing_to_the_history(caseworker):
    before = UserEvent.objects.count()
    caseworker.last_login = caseworker.date_joined
    caseworker.save()
    assert UserEvent.objects.count() == before


def test_a_password_change_is_an_event_without_the_hash(caseworker):
    caseworker.set_password("a-new-long-passphrase-1")
    caseworker.save()
    (event,) = UserPasswordEvent.objects.filter(pgh_obj=caseworker)
    assert (event.pgh_label, event.username) == ("password_change", "casey")
    fields = {field.name for field in UserPasswordEvent._meta.fields}
    assert "password" not in fields
    assert "password" not in {field.name for field in UserEvent._meta.fields}


def test_token_creation_and_revocation_are_events_without_the_key(liaison):
    key = api_token_create(user=liaison)
    token = AuthToken.objects.get(user=liaison)
    token.delete()
    events = list(APITokenEvent.objects.order_by("pgh_id"))
    assert [(e.pgh_label, e.user_id) for e in events] == [
        ("token_create", liaison.pk),
        ("token_revoke", liaison.pk),
    ]
    assert events[0].expiry == token.expiry
    fields = {field.name for field in APITokenEvent._meta.fields}
    assert not fields & {"digest", "token_key", "pgh_obj"}
    assert key[:8] not in str([vars(e) for e in events])


def test_admins_see_the_user_and_token_history(client_as, admin_user, liaison):
    api_token_create(user=liaison)
    client = client_as(admin_user)
    for model in ("userevent", "userpasswordevent", "apitokenevent"):
        assert client.get(reverse(f"admin:oversight_{model}_changelist")).status_code == 200
    assert "lee" in client.get(reverse("admin:oversight_apitokenevent_changelist")).text


def _client(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_liaison_lists_only_its_own_tokens_without_their_keys(liaison, caseworker):
    key = api_token_create(user=liaison)
    api_token_create(user=liaison)
    api_token_create(user=caseworker)
    response = _client(key).get("/api/v1/tokens/")
    assert response.status_code == 200
    tokens = response.json()
    assert len(tokens) == 2
    assert set(tokens[0]) == {"id", "name", "created_at", "expires_at", "last_used_at", "kind"}
    assert key[:8] not in response.text
    assert {token["kind"] for token in tokens} == {"live"}


def test_a_liaison_revokes_its_own_token_at_once(liaison):
    key = api_token_create(user=liaison)
    client = _client(key)
    (token,) = client.get("/api/v1/tokens/").json()
    assert client.delete(f"/api/v1/tokens/{token['id']}/").status_code == 204
    assert client.get("/api/v1/me/").status_code == 401
    assert not AuthToken.objects.filter(user=liaison).exists()
    assert APITokenEvent.objects.filter(pgh_label="token_revoke", user=liaison).exists()


def test_another_users_token_id_is_a_404_and_stays(liaison, caseworker):
    api_token_create(user=caseworker)
    theirs = _client(api_token_create(user=caseworker)).get("/api/v1/tokens/").json()[0]["id"]
    response = _client(api_token_create(user=liaison)).delete(f"/api/v1/tokens/{theirs}/")
    assert response.status_code == 404
    assert AuthToken.objects.filter(user=caseworker).count() == 2


def test_the_token_endpoints_need_sign_in():
    assert APIClient().get("/api/v1/tokens/").status_code == 401
