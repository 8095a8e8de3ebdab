"""Selectors that compute a rule in SQL agree with the pure rule on the same rows."""

import datetime as dt

import pytest

from appeals import rules, selectors
from appeals.models import Application
from appeals.tests.factories import (
    ApplicationFactory,
    DecidedApplicationFactory,
    ForwardedApplicationFactory,
    InvalidApplicationFactory,
    UpheldApplicationFactory,
    ValidApplicationFactory,
)

D = dt.date
pytestmark = pytest.mark.django_db


def test_in_time_in_sql_agrees_with_the_rule(herts_pcc):
    notified = D(2024, 1, 31)
    for days in [0, 1, 27, 28, 29, 30, 60]:
        ApplicationFactory(
            outcome_notified_on=notified, received_on=notified + dt.timedelta(days=days)
        )
        # The same, forwarded to us 10 days after the local policing body received it.
        ApplicationFactory(
            outcome_notified_on=notified,
            first_received_by=herts_pcc,
            first_received_on=notified + dt.timedelta(days=days),
            received_on=notified + dt.timedelta(days=days + 10),
        )
    in_time = set(
        Application.objects.filter(selectors.made_in_time_q()).values_list("pk", flat=True)
    )
    late = set(
        Application.objects.exclude(selectors.made_in_time_q()).values_list("pk", flat=True)
    )
    for application in Application.objects.all():
        expected = rules.made_in_time(
            application.outcome_notified_on,
            application.received_on,
            application.first_received_on,
        )
        assert (application.pk in in_time) is expected
        assert (application.pk in late) is not expected


@pytest.mark.parametrize("today", [D(2024, 6, 3), D(2024, 2, 29), D(2024, 3, 31)])
def test_ageing_in_sql_agrees_with_the_rule(today):
    received = []
    for months_back in range(0, 15):
        for shift in (-1, 0, 1):
            day = today - dt.timedelta(days=30 * months_back + shift)
            if day <= today:
                received.append(day)
    for day in received:
        ApplicationFactory(
            complaint_made_on=D(2021, 1, 1),
            outcome_notified_on=day - dt.timedelta(days=5),
            received_on=day,
        )
    # Closed applications are not aged.
    DecidedApplicationFactory(
        complaint_made_on=D(2021, 1, 1), received_on=today - dt.timedelta(days=40)
    )
    InvalidApplicationFactory()
    ForwardedApplicationFactory()
    ageing = selectors.application_ageing(queryset=Application.objects.all(), today=today)
    assert {band["band"]: band["count"] for band in ageing} == rules.count_by_band(received, today)
    assert [band["band"] for band in ageing] == [label for label, _ in rules.AGE_BANDS]


def test_upheld_in_sql_agrees_with_the_rule():
    for factory in (DecidedApplicationFactory, UpheldApplicationFactory, ValidApplicationFactory):
        factory()
    upheld = set(Application.objects.filter(selectors.upheld_q()).values_list("pk", flat=True))
    for application in Application.objects.all():
        assert (application.pk in upheld) is (rules.is_upheld(application.result) is True)
