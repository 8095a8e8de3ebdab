"""The sign-in throttle: a username at one address, and an address whatever the usernames
(password spraying), each with its own limit (OWASP ASVS 5.0, 6.3.1)."""

import pytest

from oversight.tests.core.signin.conftest import sign_in_with_password

pytestmark = pytest.mark.django_db

OFFICE = "198.51.100.7"
ELSEWHERE = "203.0.113.9"


def _fail(client, username, address):
    return client.post(
        "/sign-in/", {"username": username, "password": "wrong-password"}, REMOTE_ADDR=address
    )


def test_asvs_6_3_1_thirty_usernames_from_one_address_are_locked_at_the_address_limit(
    client, settings, caseworker
):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 20
    statuses = [_fail(client, f"sprayed{n}", OFFICE).status_code for n in range(30)]
    # Each username failed once, far below the per-user limit; the address reached its own.
    assert statuses[:19] == [200] * 19
    assert statuses[19:] == [429] * 11
    # Even the right password is refused from that address for the cool-off period ...
    assert sign_in_with_password(client, caseworker, REMOTE_ADDR=OFFICE).status_code == 429
    # ... while another address signs in.
    response = sign_in_with_password(client, caseworker, REMOTE_ADDR=ELSEWHERE)
    assert response.status_code == 302


def test_an_office_behind_one_address_signs_in_below_the_address_limit(
    client, settings, caseworker
):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 20
    for n in range(19):
        _fail(client, f"colleague{n}", OFFICE)
    assert sign_in_with_password(client, caseworker, REMOTE_ADDR=OFFICE).status_code == 302


def test_five_failures_for_one_user_still_lock_that_user(client, caseworker, manager):
    statuses = [_fail(client, caseworker.username, OFFICE).status_code for _ in range(6)]
    assert statuses == [200] * 4 + [429] * 2
    assert sign_in_with_password(client, caseworker, REMOTE_ADDR=OFFICE).status_code == 429
    # The address is not locked for others, nor the user from another address.
    assert sign_in_with_password(client, manager, REMOTE_ADDR=OFFICE).status_code == 302
    client.logout()
    assert sign_in_with_password(client, caseworker, REMOTE_ADDR=ELSEWHERE).status_code == 302
