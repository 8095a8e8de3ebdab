"""A real Celery worker, against Redis, recomputes the figures when asked."""

import datetime as dt

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection

from cases.tests.factories import DecidedReferralFactory, ReferralFactory
from oversight.core.models import Organisation
from oversight.performance.models import TimelinessRun, TimelinessSnapshot
from oversight.performance.services import timeliness_run_request
from oversight.performance.snapshots import timeliness_compute
from oversight.tests.celery_helpers import wait_for
from oversight.tests.factories import ManagerFactory


@pytest.mark.django_db(transaction=True)
def test_worker_recomputes_the_snapshot_when_asked(redis_app):
    herts, _ = Organisation.objects.get_or_create(
        code="hertfordshire-constabulary",
        defaults={"name": "Hertfordshire Constabulary", "kind": "territorial_force"},
    )
    DecidedReferralFactory(organisation=herts, received_on=dt.date(2019, 5, 1))
    timeliness_compute(today=dt.date(2024, 6, 3))
    before = TimelinessSnapshot.objects.get(financial_year="2019-20", organisation=None)
    assert before.figures["referrals"]["received"] == 1

    ReferralFactory.create_batch(2, organisation=herts, received_on=dt.date(2019, 6, 3))
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
        run = timeliness_run_request(actor=ManagerFactory())  # autocommit: queued at once
        finished = wait_for(
            lambda: (
                TimelinessRun.objects.get(pk=run.pk).status
                in (TimelinessRun.Status.DONE, TimelinessRun.Status.FAILED)
            )
        )
    connection.close()
    run.refresh_from_db()
    assert finished, f"the worker did not finish the run: {run.status}"
    assert run.status == TimelinessRun.Status.DONE, run.error
    after = TimelinessSnapshot.objects.get(financial_year="2019-20", organisation=None)
    assert after.figures["referrals"]["received"] == 3
    assert after.computed_at > before.computed_at
