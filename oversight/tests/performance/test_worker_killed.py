"""A real worker process killed whole in the middle of computing the figures: its run is marked
failed once the run's expiry passes, the automatic recomputation goes ahead, and the broker
gives the task to a new worker once the visibility timeout (just past the time limit) passes.

The task is held mid-run by the computation's own advisory lock, taken here first."""

import datetime as dt
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from cases.tests.factories import ReferralFactory
from oversight.performance import snapshots
from oversight.performance.models import TimelinessRun
from oversight.performance.services import timeliness_run_request
from oversight.performance.tasks import refresh_timeliness_if_stale
from oversight.tests.celery_helpers import BROKER, wait_for

ROOT = Path(__file__).resolve().parents[3]
TIME_LIMIT = 10  # seconds: long enough to see the task start, short enough for a test
MARGIN = 1
VISIBILITY = TIME_LIMIT + MARGIN


def test_database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = quote(db["HOST"] or "localhost", safe="")
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


def start_worker(name: str, log) -> subprocess.Popen:
    """`celery worker` in a process group of its own, on the test database and broker."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oversight.settings",
        "DATABASE_URL": test_database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_TASK_TIME_LIMIT": str(TIME_LIMIT),
        "CELERY_VISIBILITY_MARGIN": str(MARGIN),
    }
    command = [sys.executable, "-m", "celery", "-A", "oversight", "worker", "--pool=prefork"]
    command += ["--concurrency=1", "--without-gossip", "--without-mingle", "--without-heartbeat"]
    command += ["--loglevel=INFO", "-n", f"{name}@%h"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def status(run) -> str:
    return TimelinessRun.objects.get(pk=run.pk).status


@pytest.mark.django_db(transaction=True)
def test_a_run_whose_worker_is_killed_is_failed_then_done_by_another_worker(redis_app, herts):
    ReferralFactory(organisation=herts, received_on=dt.date(2022, 5, 3))
    log = tempfile.TemporaryFile(mode="w+")
    workers = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [snapshots.COMPUTE_LOCK])
    try:
        workers.append(start_worker("doomed", log))
        run = timeliness_run_request(actor=None)  # autocommit: queued at once
        started = wait_for(lambda: status(run) == TimelinessRun.Status.RUNNING, seconds=45)
        assert started, "the worker did not start the run"
        # Killed whole (the main process too), as by the OOM killer or a lost machine: nothing
        # is left to give the task back to the queue or to mark the run failed.
        stop(workers[0], signal.SIGKILL)
        assert status(run) == TimelinessRun.Status.RUNNING

        # The sweep (each minute on beat) fails the run once its expiry (the time limit) passes.
        failed = wait_for(
            lambda: snapshots.timeliness_runs_fail_lost() == 1,
            seconds=TIME_LIMIT + 10,
        )
        run.refresh_from_db()
        assert failed, f"the run was not failed once its expiry passed: {run.status}"
        assert run.status == TimelinessRun.Status.FAILED
        assert run.error == snapshots.RUN_LOST

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [snapshots.COMPUTE_LOCK])
        assert refresh_timeliness_if_stale() is True  # not held back by the dead run
        automatic = TimelinessRun.objects.get(trigger="change")
        assert automatic.status == TimelinessRun.Status.DONE

        # Once the visibility timeout has passed since the task was handed out (before the run
        # started), a new worker is given the task back and does the run after all.
        handed_out = run.started_at.timestamp()
        assert wait_for(lambda: time.time() > handed_out + VISIBILITY + 0.5, seconds=VISIBILITY)
        workers.append(start_worker("second", log))
        done = wait_for(lambda: status(run) == TimelinessRun.Status.DONE, seconds=45)
        log.seek(0)
        assert done, f"the task was not given to the new worker:\n{log.read()[-3000:]}"
    finally:
        for worker in workers:
            stop(worker)
        connection.close()  # releases the lock if a failure left it held
