"""Dates outside 1 January 1990 .. a year from today are refused, on a page form, in an API
write and in the services' checks (DESIGN, "Search, exports, errors"; issue 14, item 5)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from cases.models import Referral
from cases.tests.referrals.test_api import payload
from cases.tests.referrals.test_views import valid_post
from oversight.core.validation import TOO_EARLY, DateMessages, date_error, latest_date
from oversight.tests.helpers import date_fields, token_client

TODAY = dt.date(2024, 6, 3)
REFUSED = [dt.date(815, 6, 3), dt.date(1989, 12, 31), TODAY + dt.timedelta(days=366)]
ACCEPTED = [dt.date(1990, 1, 1)]
NOW = time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)


@pytest.mark.parametrize("value", REFUSED)
def test_the_services_date_check_refuses_a_date_out_of_bounds(value):
    assert date_error(value, DateMessages(), today=TODAY) is not None


def test_the_services_date_check_takes_1_january_1990():
    assert date_error(dt.date(1990, 1, 1), DateMessages(), today=TODAY) is None


def test_a_year_from_29_february_is_28_february():
    assert latest_date(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


@NOW
@pytest.mark.django_db
@pytest.mark.parametrize(("value", "ok"), [(d, False) for d in REFUSED] + [(ACCEPTED[0], True)])
def test_the_referral_page_form_bounds_the_date_received(client_as, caseworker, herts, value, ok):
    data = valid_post(**date_fields("received_on", value))
    response = client_as(caseworker).post(reverse("cases:referral-create"), data)
    assert Referral.objects.exists() is ok
    if not ok:
        assert response.status_code == 200
        content = response.content.decode()
        assert TOO_EARLY in content or "a year from today" in content


@NOW
@pytest.mark.django_db
@pytest.mark.parametrize(("value", "ok"), [(d, False) for d in REFUSED] + [(ACCEPTED[0], True)])
def test_the_referral_api_bounds_the_date_received(caseworker, herts, value, ok):
    response = token_client(caseworker).post(
        "/api/v1/referrals/", payload(received_on=value.isoformat()), format="json"
    )
    assert Referral.objects.exists() is ok
    if not ok:
        assert response.status_code == 400
        assert "received_on" in response.json()
