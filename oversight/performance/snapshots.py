"""Computing the figures and storing them as snapshots: the work of the Celery task.

Kept apart from services.py, which queues this work on the task (and so imports the tasks):
the tasks import this module, and nothing here imports them.
"""

import datetime as dt

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from oversight.performance import definitions
from oversight.performance.aggregates import all_counts, latest_case_change
from oversight.performance.models import TimelinessRun, TimelinessSnapshot, running_expiry

# Any fixed number: runs take this PostgreSQL advisory lock so that two never interleave.
COMPUTE_LOCK = 720_260_001
RUN_LOST = (
    "The worker computing the figures stopped before it finished (its time limit has passed). "
    "The figures shown are from the last computation."
)
IN_PROGRESS = [TimelinessRun.Status.QUEUED, TimelinessRun.Status.RUNNING]


def timeliness_compute(*, today: dt.date, run: TimelinessRun | None = None) -> int:
    """Recompute every year's figures, per organisation and in total, and replace the snapshots.

    Idempotent: a second run at the same time waits for the first, then writes the same rows.
    """
    if run is not None:
        # Also when a run marked lost starts after all (its task given back by a dead worker).
        TimelinessRun.objects.filter(pk=run.pk).update(
            status=TimelinessRun.Status.RUNNING,
            started_at=timezone.now(),
            expires_at=running_expiry(),
            finished_at=None,
            error="",
        )
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [COMPUTE_LOCK])
            written = _replace_snapshots(today=today)
    except Exception as error:
        if run is not None:
            TimelinessRun.objects.filter(pk=run.pk).update(
                status=TimelinessRun.Status.FAILED, finished_at=timezone.now(), error=str(error)
            )
        raise
    if run is not None:
        TimelinessRun.objects.filter(pk=run.pk).update(
            status=TimelinessRun.Status.DONE, finished_at=timezone.now(), snapshots_written=written
        )
    return written


def _replace_snapshots(*, today: dt.date) -> int:
    by_key: dict[tuple[str, int | None], dict[str, dict[str, int]]] = {}
    for family, counts in all_counts(today=today).items():
        for (year, organisation_id), values in counts.items():
            for key in ((year, organisation_id), (year, None)):
                family_counts = by_key.setdefault(key, {}).setdefault(family, {})
                for name, value in values.items():
                    family_counts[name] = family_counts.get(name, 0) + value
    now = timezone.now()
    figures = {key: definitions.with_rates(counts) for key, counts in by_key.items()}
    # Most figures do not change between runs: write only the snapshots that did, then
    # stamp them all with this run's time in one statement.
    stored = {
        (year, organisation_id): (pk, old)
        for pk, year, organisation_id, old in TimelinessSnapshot.objects.values_list(
            "pk", "financial_year", "organisation_id", "figures"
        )
    }
    TimelinessSnapshot.objects.filter(
        pk__in=[pk for key, (pk, _) in stored.items() if key not in figures]
    ).delete()
    TimelinessSnapshot.objects.bulk_update(
        [
            TimelinessSnapshot(pk=stored[key][0], figures=new)
            for key, new in figures.items()
            if key in stored and stored[key][1] != new
        ],
        ["figures"],
        batch_size=1000,
    )
    TimelinessSnapshot.objects.bulk_create(
        [
            TimelinessSnapshot(
                financial_year=year,
                organisation_id=organisation_id,
                figures=new,
                computed_at=now,
                as_of=today,
            )
            for (year, organisation_id), new in figures.items()
            if (year, organisation_id) not in stored
        ],
        batch_size=1000,
    )
    TimelinessSnapshot.objects.update(computed_at=now, as_of=today)
    return len(figures)


def timeliness_is_stale() -> bool:
    """A case changed after the last successful computation started (or none has run)."""
    last = TimelinessRun.objects.filter(status=TimelinessRun.Status.DONE).aggregate(
        at=Max("started_at")
    )["at"]
    changed = latest_case_change()
    return last is None or (changed is not None and changed > last)


def timeliness_run_in_progress() -> bool:
    """A run is queued or running and not yet past its expiry (a lost run does not count)."""
    return TimelinessRun.objects.filter(
        status__in=IN_PROGRESS, expires_at__gt=timezone.now()
    ).exists()


def timeliness_runs_fail_lost() -> int:
    """Mark failed every queued or running run past its expiry: its worker died with it."""
    now = timezone.now()
    return (
        TimelinessRun.objects.filter(status__in=IN_PROGRESS)
        .filter(Q(expires_at__lte=now) | Q(expires_at__isnull=True))
        .update(status=TimelinessRun.Status.FAILED, finished_at=now, error=RUN_LOST)
    )
