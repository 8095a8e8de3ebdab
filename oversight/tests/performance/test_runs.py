"""Runs whose worker died: an expiry per run (the task's time limit), after which the run is
marked failed and no longer holds back the automatic recomputation; the broker gives the task
back just after the time limit, not after Redis's default hour."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from cases.tests.factories import ReferralFactory
from oversight.performance import snapshots
from oversight.performance.models import TimelinessRun
from oversight.performance.services import timeliness_run_request
from oversight.performance.tasks import refresh_timeliness_if_stale

D = dt.date
TODAY = D(2024, 6, 3)


def run_in(status, seconds):
    return TimelinessRun.objects.create(
        status=status,
        started_at=timezone.now(),
        expires_at=timezone.now() + dt.timedelta(seconds=seconds),
    )


def test_the_visibility_timeout_outlasts_the_time_limit_and_not_by_an_hour():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_TIME_LIMIT < visibility <= settings.CELERY_TASK_TIME_LIMIT + 300
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT


@pytest.mark.django_db
def test_a_queued_run_expires_after_the_visibility_timeout_and_a_time_limit():
    before = timezone.now()
    run = TimelinessRun.objects.create()
    limit = settings.CELERY_TASK_TIME_LIMIT
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert run.expires_at >= before + dt.timedelta(seconds=limit + visibility)


@pytest.mark.django_db
def test_a_run_expires_a_time_limit_after_it_starts(herts):
    run = TimelinessRun.objects.create(expires_at=timezone.now() - dt.timedelta(days=1))
    before = timezone.now()
    snapshots.timeliness_compute(today=TODAY, run=run)
    run.refresh_from_db()
    assert run.status == TimelinessRun.Status.DONE
    assert run.expires_at >= before + dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [TimelinessRun.Status.QUEUED, TimelinessRun.Status.RUNNING])
def test_a_run_under_way_holds_back_the_automatic_recomputation(herts, status):
    ReferralFactory(organisation=herts, received_on=D(2022, 5, 3))
    run = run_in(status, 60)
    assert refresh_timeliness_if_stale() is False
    run.refresh_from_db()
    assert run.status == status
    assert not TimelinessRun.objects.filter(trigger="change").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [TimelinessRun.Status.QUEUED, TimelinessRun.Status.RUNNING])
def test_a_run_past_its_expiry_is_failed_and_holds_nothing_back(herts, status):
    ReferralFactory(organisation=herts, received_on=D(2022, 5, 3))
    lost = run_in(status, -1)
    assert refresh_timeliness_if_stale() is True
    lost.refresh_from_db()
    assert lost.status == TimelinessRun.Status.FAILED
    assert lost.error == snapshots.RUN_LOST
    assert lost.finished_at is not None
    assert TimelinessRun.objects.get(trigger="change").status == TimelinessRun.Status.DONE


@pytest.mark.django_db
def test_a_run_from_before_expiries_is_failed_by_the_sweep():
    old = run_in(TimelinessRun.Status.RUNNING, 60)
    TimelinessRun.objects.filter(pk=old.pk).update(expires_at=None)
    assert snapshots.timeliness_runs_fail_lost() == 1
    old.refresh_from_db()
    assert old.status == TimelinessRun.Status.FAILED


@pytest.mark.django_db
def test_asking_for_a_recalculation_fails_the_lost_runs_first(herts):
    lost = run_in(TimelinessRun.Status.RUNNING, -1)
    under_way = run_in(TimelinessRun.Status.RUNNING, 60)
    timeliness_run_request(actor=None)
    lost.refresh_from_db()
    under_way.refresh_from_db()
    assert lost.status == TimelinessRun.Status.FAILED
    assert under_way.status == TimelinessRun.Status.RUNNING


@pytest.mark.django_db
def test_a_lost_run_whose_task_comes_back_runs_and_is_done(herts):
    """The broker gives a dead worker's task to another: the run it names is done after all."""
    lost = run_in(TimelinessRun.Status.RUNNING, -1)
    snapshots.timeliness_runs_fail_lost()
    snapshots.timeliness_compute(today=TODAY, run=lost)
    lost.refresh_from_db()
    assert lost.status == TimelinessRun.Status.DONE
    assert lost.error == ""
    assert lost.finished_at is not None


@pytest.mark.django_db
def test_a_lost_run_does_not_count_as_under_way_even_before_the_sweep():
    run_in(TimelinessRun.Status.RUNNING, -1)
    assert snapshots.timeliness_run_in_progress() is False
    run_in(TimelinessRun.Status.RUNNING, 60)
    assert snapshots.timeliness_run_in_progress() is True
