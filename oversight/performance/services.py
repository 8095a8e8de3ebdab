"""Writes of the figures that people ask for: a recalculation queued on the worker, targets.

The computation itself is in snapshots.py, which the task runs."""

import logging
from decimal import Decimal

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from oversight.core.calendar import FinancialYearError, parse_financial_year
from oversight.core.models import User
from oversight.core.validation import FieldErrors
from oversight.performance import snapshots
from oversight.performance.models import Target, TimelinessRun
from oversight.performance.tasks import compute_timeliness

logger = logging.getLogger(__name__)

TARGET_OUT_OF_RANGE = "A target is a percentage between 0 and 100."
QUEUE_UNAVAILABLE = (
    "The figures could not be queued for recalculation because the task queue is not "
    "available. The figures shown are from the last computation; try again later."
)


def timeliness_run_request(*, actor: User | None, trigger: str = "manual") -> TimelinessRun:
    """Queue a recomputation on the Celery worker, once the current transaction commits."""
    snapshots.timeliness_runs_fail_lost()  # so that the page never shows a dead run as running
    run = TimelinessRun.objects.create(requested_by=actor, trigger=trigger)
    try:
        compute_timeliness.delay_on_commit(run.pk)
    except Exception as error:  # broker down: say so rather than hang or pretend
        logger.warning("could not queue timeliness run %s: %s", run.pk, error)
        TimelinessRun.objects.filter(pk=run.pk).update(
            status=TimelinessRun.Status.FAILED, finished_at=timezone.now(), error=QUEUE_UNAVAILABLE
        )
        raise ValidationError(QUEUE_UNAVAILABLE) from error
    return run


def target_set(*, actor: User, financial_year: str, metric: str, percentage: Decimal) -> Target:
    """Set (or change) the target for one figure in one financial year."""
    errors = FieldErrors()
    try:
        parse_financial_year(financial_year)
    except FinancialYearError as error:
        errors["financial_year"] = str(error)
    if metric not in Target.Metric.values:
        errors["metric"] = f"“{metric}” is not a figure with a target."
    if percentage is None or not Decimal(0) <= percentage <= Decimal(100):
        errors["percentage"] = TARGET_OUT_OF_RANGE
    errors.raise_if_any()
    with transaction.atomic(), pghistory.context(user=actor.pk):
        target, _ = Target.objects.update_or_create(
            financial_year=financial_year,
            metric=metric,
            defaults={"percentage": percentage, "updated_by": actor},
        )
    return target
