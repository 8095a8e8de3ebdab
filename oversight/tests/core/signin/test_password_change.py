"""Changing your own password (OWASP ASVS 5.0, 6.2.2, 6.2.3, 7.4.3)."""

import pytest
from django.apps import apps
from django.test import Client

from oversight.core.signin.views import PASSWORD_CHANGED
from oversight.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

PAGE = "/account/password/"
NEW = "a-Longer-passphrase-for-2024"
UserPasswordEvent = apps.get_model("oversight", "UserPasswordEvent")


def _change(client, old=TEST_PASSWORD, new=NEW, again=None):
    return client.post(
        PAGE, {"old_password": old, "new_password1": new, "new_password2": again or new}
    )


def test_asvs_6_2_2_a_person_changes_their_password_and_stays_signed_in(client_as, caseworker):
    other = Client()
    other.force_login(caseworker)
    client = client_as(caseworker)
    assert client.get(PAGE).status_code == 200
    response = _change(client)
    assert response["Location"] == "/account/"
    assert PASSWORD_CHANGED in client.get("/account/").text
    caseworker.refresh_from_db()
    assert caseworker.check_password(NEW)
    assert client.get("/referrals/").status_code == 200
    # Their other sessions end (7.4.3).
    assert other.get("/referrals/").status_code == 302
    (event,) = UserPasswordEvent.objects.filter(pgh_obj=caseworker)
    assert event.pgh_label == "password_change"
    assert event.pgh_context.metadata["user"] == caseworker.pk


def test_asvs_6_2_3_the_current_password_is_needed(client_as, caseworker):
    response = _change(client_as(caseworker), old="not-my-password")
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.text
    assert "govuk-error-summary" in response.text
    caseworker.refresh_from_db()
    assert caseworker.check_password(TEST_PASSWORD)


@pytest.mark.parametrize("new", ["short1", "password123", "12345678901"])
def test_the_password_validators_apply(client_as, caseworker, new):
    response = _change(client_as(caseworker), new=new)
    assert response.status_code == 200
    assert "govuk-error-message" in response.text
    caseworker.refresh_from_db()
    assert caseworker.check_password(TEST_PASSWORD)


def test_the_page_needs_sign_in(client):
    assert client.get(PAGE)["Location"].startswith("/sign-in/")
