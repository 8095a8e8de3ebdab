"""The SQL twins of the referral rules agree with the pure rules on the same rows, on both
sides of each boundary (the due date itself, the day after it)."""

import datetime as dt

import pytest

from cases.models import Referral
from cases.referrals import rules, selectors
from cases.tests.factories import DecidedReferralFactory, ReferralFactory

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def around_the_due_date():
    """Decided before, on and after the due date, and undecided ones due before, on and after
    today (3 June 2024)."""
    for days in (-1, 0, 1):
        referral = DecidedReferralFactory(received_on=D(2024, 5, 1))
        referral.decided_on = referral.decision_due_on + dt.timedelta(days=days)
        referral.save()
        undecided = ReferralFactory(received_on=D(2024, 5, 28))
        undecided.decision_due_on = D(2024, 6, 3) + dt.timedelta(days=days)
        undecided.save()


def test_decided_within_target_in_sql_agrees_with_the_rule(around_the_due_date):
    in_sql = set(
        Referral.objects.filter(selectors.decided_within_target_q()).values_list("pk", flat=True)
    )
    for referral in Referral.objects.all():
        met = rules.decided_within_target(referral.decided_on, referral.decision_due_on)
        assert (referral.pk in in_sql) is (met is True)
    assert len(in_sql) == 2


@pytest.mark.parametrize("today", [D(2024, 6, 2), D(2024, 6, 3), D(2024, 6, 4), D(2024, 6, 5)])
def test_decision_overdue_in_sql_agrees_with_the_rule(around_the_due_date, today):
    in_sql = set(
        Referral.objects.filter(selectors.decision_overdue_q(today)).values_list("pk", flat=True)
    )
    for referral in Referral.objects.all():
        overdue = rules.is_decision_overdue(referral.decided_on, referral.decision_due_on, today)
        assert (referral.pk in in_sql) is overdue
