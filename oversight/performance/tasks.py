"""Celery tasks that compute the timeliness figures. Thin: they load ids and call snapshots."""

import datetime as dt

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from oversight.performance import snapshots
from oversight.performance.models import TimelinessRun


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def compute_timeliness(run_id: int | None = None, today: str | None = None) -> int:
    """Recompute every snapshot. Safe to run twice at once: runs take a database lock."""
    run = TimelinessRun.objects.filter(pk=run_id).first() if run_id else None
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return snapshots.timeliness_compute(today=day, run=run)


@shared_task(acks_late=True)
def refresh_timeliness_if_stale() -> bool:
    """Run by beat every minute: recompute only when a case changed since the last run and no
    run is under way. Also the sweep that marks failed the runs whose worker died."""
    snapshots.timeliness_runs_fail_lost()
    if snapshots.timeliness_run_in_progress() or not snapshots.timeliness_is_stale():
        return False
    run = TimelinessRun.objects.create(trigger="change")
    snapshots.timeliness_compute(today=timezone.localdate(), run=run)
    return True
