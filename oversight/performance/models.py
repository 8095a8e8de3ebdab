"""The figures' models: stored snapshots, the runs that compute them, and managers' targets.

Tables and app label stay those of the oversight app (oversight/models.py re-exports these)."""

import datetime as dt

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from oversight.core.models import Organisation
from oversight.performance import figures


class TimelinessSnapshot(models.Model):
    """The figures of one financial year, for one organisation or (organisation null) in total.

    Written by the timeliness computation; the dashboard and API read these few rows instead
    of scanning cases.
    """

    financial_year = models.CharField(max_length=7)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    figures = models.JSONField()
    computed_at = models.DateTimeField()
    as_of = models.DateField(help_text="The day the figures that depend on today were taken.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["financial_year", "organisation"],
                name="unique_snapshot_per_year_and_organisation",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.financial_year} {self.organisation or 'all'}"


def running_expiry() -> dt.datetime:
    """A run started now is over by then: the worker's pool kills a task at its time limit."""
    return timezone.now() + dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def queued_expiry() -> dt.datetime:
    """A run queued now is over by then if a worker is alive: one that died holding the task
    gives it back to the queue after the broker's visibility timeout, and it runs again."""
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    return running_expiry() + dt.timedelta(seconds=visibility)


class TimelinessRun(models.Model):
    """One computation of the figures: queued, running, done or failed, for progress on pages.

    A queued or running run past its expiry is lost (its worker died): it is marked failed
    and no longer holds back the automatic recomputation."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    trigger = models.CharField(max_length=20, default="manual")
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Moved on when the run starts; null on runs from before expiries (long over).
    expires_at = models.DateTimeField(null=True, blank=True, default=queued_expiry)
    snapshots_written = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-queued_at"]

    def __str__(self) -> str:
        return f"Run {self.pk} ({self.status})"


@pghistory.track()
class Target(models.Model):
    """A manager's target for one figure in one financial year, as a percentage."""

    # The rates that have targets, named after their key: referrals.decided_within_target_rate
    # is REFERRALS_DECIDED_WITHIN_TARGET_RATE. The list and the labels are in figures.py.
    Metric = models.TextChoices(
        "Metric",
        [
            (key.replace(".", "_").upper(), (key, figures.RATE_LABELS[key]))
            for key in figures.TARGET_RATES
        ],
    )

    financial_year = models.CharField(max_length=7)
    metric = models.CharField(max_length=60, choices=Metric.choices)
    percentage = models.DecimalField(max_digits=5, decimal_places=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["financial_year", "metric"], name="unique_target"),
            models.CheckConstraint(
                name="target_is_a_percentage",
                condition=Q(percentage__gte=0) & Q(percentage__lte=100),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.financial_year} {self.metric}: {self.percentage}%"
