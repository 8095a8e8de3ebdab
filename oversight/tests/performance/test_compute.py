"""The database path computes the same figures as the definitions, and stores snapshots."""

import datetime as dt
import random
import threading

import pytest
from django.db import connection

from cases.models import Referral
from cases.tests.factories import DecidedReferralFactory, ReferralFactory
from oversight.core.calendar import add_working_days, financial_years_between
from oversight.core.models import Organisation
from oversight.performance import aggregates, definitions
from oversight.performance.models import TimelinessRun, TimelinessSnapshot
from oversight.performance.snapshots import timeliness_compute, timeliness_is_stale

D = dt.date
TODAY = D(2024, 6, 3)


def random_referrals(seed: int, count: int, organisations) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        received = D(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 2300))
        due = add_working_days(received, 3)
        organisation = rng.choice(organisations)
        if rng.random() < 0.8:
            decided = received + dt.timedelta(days=rng.choice([0, 1, 2, 3, 4, 5, 6, 9]))
            DecidedReferralFactory(
                organisation=organisation,
                received_on=received,
                decision_due_on=due,
                decided_on=decided,
            )
        else:
            ReferralFactory(organisation=organisation, received_on=received, decision_due_on=due)


@pytest.mark.django_db
def test_referral_aggregates_agree_with_the_definitions(herts, met):
    random_referrals(seed=7, count=120, organisations=[herts, met])
    database = aggregates.referral_counts(today=TODAY)
    for organisation in (herts, met):
        rows = [
            definitions.ReferralRow(r.received_on, r.decided_on, r.decision_due_on)
            for r in Referral.objects.filter(organisation=organisation)
        ]
        for year in financial_years_between(D(2018, 1, 1), D(2025, 1, 1)):
            expected = definitions.referral_counts(rows, year)
            got = {
                name: database.get((year, organisation.pk), {}).get(name, 0) for name in expected
            }
            assert got == expected, (organisation, year)


@pytest.mark.django_db
def test_compute_writes_totals_and_per_organisation_snapshots(herts, met):
    DecidedReferralFactory(organisation=herts, received_on=D(2019, 4, 1))
    DecidedReferralFactory(organisation=met, received_on=D(2019, 6, 3))
    ReferralFactory(organisation=met, received_on=D(2020, 3, 31))
    run = TimelinessRun.objects.create()
    assert timeliness_compute(today=TODAY, run=run) == 3  # 2019-20: in total, herts, met
    total = TimelinessSnapshot.objects.get(financial_year="2019-20", organisation=None)
    assert total.figures["referrals"] == {
        "received": 3,
        "decided": 2,
        "decided_within_target": 2,
        "decided_within_target_rate": 100.0,
    }
    assert total.as_of == TODAY
    per_met = TimelinessSnapshot.objects.get(financial_year="2019-20", organisation=met)
    assert per_met.figures["referrals"]["received"] == 2
    run.refresh_from_db()
    assert run.status == TimelinessRun.Status.DONE
    assert run.snapshots_written == 3


@pytest.mark.django_db
def test_compute_twice_gives_the_same_rows(herts):
    DecidedReferralFactory(organisation=herts, received_on=D(2021, 12, 23))
    timeliness_compute(today=TODAY)
    first = list(
        TimelinessSnapshot.objects.values_list("financial_year", "organisation", "figures")
    )
    timeliness_compute(today=TODAY)
    second = list(
        TimelinessSnapshot.objects.values_list("financial_year", "organisation", "figures")
    )
    assert sorted(first, key=str) == sorted(second, key=str)


@pytest.mark.django_db(transaction=True)
def test_two_computations_at_once_wait_for_each_other_and_agree():
    herts = Organisation.objects.get_or_create(
        code="hertfordshire-constabulary",
        defaults={"name": "Hertfordshire Constabulary", "kind": "territorial_force"},
    )[0]
    DecidedReferralFactory.create_batch(5, organisation=herts, received_on=D(2022, 5, 3))
    errors = []

    def compute():
        try:
            timeliness_compute(today=TODAY)
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=compute) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    total = TimelinessSnapshot.objects.get(financial_year="2022-23", organisation=None)
    assert total.figures["referrals"]["received"] == 5
    assert TimelinessSnapshot.objects.filter(financial_year="2022-23").count() == 2


@pytest.mark.django_db
def test_stale_until_computed_and_again_after_a_change(herts):
    referral = ReferralFactory(organisation=herts)
    assert timeliness_is_stale()
    timeliness_compute(today=TODAY, run=TimelinessRun.objects.create())
    assert not timeliness_is_stale()
    Referral.objects.filter(pk=referral.pk).update(
        summary="changed", updated_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
    )
    assert timeliness_is_stale()


@pytest.mark.django_db
def test_beat_check_recomputes_only_after_a_change(herts):
    from oversight.performance.tasks import refresh_timeliness_if_stale

    ReferralFactory(organisation=herts, received_on=D(2022, 5, 3))
    assert refresh_timeliness_if_stale() is True
    assert TimelinessSnapshot.objects.filter(financial_year="2022-23").exists()
    assert refresh_timeliness_if_stale() is False  # nothing changed since: no work
    assert TimelinessRun.objects.filter(trigger="change").count() == 1


@pytest.mark.django_db
def test_compute_timeliness_command(herts, capsys):
    from django.core.management import call_command

    ReferralFactory(organisation=herts, received_on=D(2022, 5, 3))
    call_command("compute_timeliness")
    assert capsys.readouterr().out.startswith("Computed 2 snapshots in ")
    assert TimelinessRun.objects.get().trigger == "command"
