"""Investigations opened from referrals: their themes, status and the steps of the lifecycle."""

import datetime as dt

import pghistory
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from cases.investigations import rules
from cases.models.referrals import Mode, Referral
from oversight.core.models import CaseRecord, StaffOnlyQuerySet, owner_field, staff_user_field

# The modes in which the oversight body runs (or, for legacy matters, oversees) an investigation.
INVESTIGATION_MODES = (Mode.INDEPENDENT, Mode.DIRECTED, Mode.SUPERVISED, Mode.MANAGED)


class Theme(models.Model):
    """A thematic area (mental health, use of Taser ...); the list is edited in the admin."""

    code = models.CharField(
        max_length=60,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9]+(?:_[a-z0-9]+)*$",
                "Use lowercase letters and digits, with words joined by underscores.",
            )
        ],
        help_text="Used in the API and filters, for example use_of_taser.",
    )
    name = models.CharField(max_length=120, unique=True)
    is_active = models.BooleanField(
        default=True,
        help_text="Inactive themes stay on past investigations but are not offered for new ones.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InvestigationStatus(models.TextChoices):
    STARTED = rules.STARTED, "Started"
    UNDER_INVESTIGATION = rules.UNDER_INVESTIGATION, "Under investigation"
    REPORT_DRAFTING = rules.REPORT_DRAFTING, "Report drafting"
    PAUSED = rules.PAUSED, "Paused"
    COMPLETED = rules.COMPLETED, "Completed"


class PauseReason(models.TextChoices):
    AWAITING_CRIMINAL_PROCEEDINGS = (
        "awaiting_criminal_proceedings",
        "Awaiting criminal proceedings",
    )
    AWAITING_INQUEST = "awaiting_inquest", "Awaiting an inquest"
    AWAITING_EXPERT_EVIDENCE = "awaiting_expert_evidence", "Awaiting expert evidence"
    OTHER = "other", "Other"


class InvestigationQuerySet(StaffOnlyQuerySet):
    def open(self):
        return self.exclude(status=InvestigationStatus.COMPLETED)

    def core(self):
        """Not major: the investigations the timeliness figures count."""
        return self.filter(is_major=False)


@pghistory.track()
class Investigation(CaseRecord):
    """An investigation the oversight body runs (independent) or directs, from one referral."""

    detail_url_name = "investigations:investigation-detail"

    owner = owner_field(related_name="owned_investigations")

    referral = models.OneToOneField(
        Referral, on_delete=models.PROTECT, related_name="investigation"
    )
    mode = models.CharField(max_length=20, choices=Mode.choices)
    mode_decided_on = models.DateField("date of the decision to investigate", editable=False)
    lead_investigator = staff_user_field(related_name="led_investigations", optional=True)
    themes = models.ManyToManyField(
        Theme, through="InvestigationTheme", blank=True, related_name="investigations"
    )
    is_major = models.BooleanField("major investigation", default=False)
    first_aware_on = models.DateField(
        "date the matter first came to the force's attention", null=True, blank=True
    )
    started_on = models.DateField("date started")
    status = models.CharField(
        max_length=20, choices=InvestigationStatus.choices, default=InvestigationStatus.STARTED
    )
    status_changed_on = models.DateField("date of the last status change")
    pause_reason = models.CharField(max_length=40, choices=PauseReason.choices, blank=True)
    completed_on = models.DateField("date completed", null=True, blank=True)
    # Stored so that "needing a notice now" is a plain comparison in SQL; set by the services
    # from investigation_rules.next_notice_due whenever the date or the notices change.
    next_notice_due_on = models.DateField(
        "next statutory notice due", null=True, blank=True, editable=False
    )

    objects = InvestigationQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["status", "started_on"], name="investigation_status_idx"),
            models.Index(fields=["lead_investigator", "status"], name="investigation_lead_idx"),
            models.Index(fields=["completed_on"], name="investigation_completed_idx"),
            models.Index(fields=["next_notice_due_on"], name="investigation_notice_idx"),
            # Open investigations, for the dashboard's ageing counts and at-risk list: small,
            # and holding every column those read, so they never visit the table.
            models.Index(
                fields=["started_on"],
                include=["id", "status", "is_major", "next_notice_due_on"],
                condition=~Q(status=InvestigationStatus.COMPLETED),
                name="investigation_open_idx",
            ),
            # The list's search by part of a reference (trigrams).
            GinIndex(
                OpClass(Upper("reference"), name="gin_trgm_ops"), name="investigation_ref_trgm_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="investigation_completed_has_date",
                condition=Q(status="completed", completed_on__isnull=False)
                | (~Q(status="completed") & Q(completed_on__isnull=True)),
                violation_error_message="A completed investigation has a completion date.",
            ),
            models.CheckConstraint(
                name="investigation_completed_after_start",
                condition=Q(completed_on__isnull=True)
                | Q(completed_on__gte=models.F("started_on")),
                violation_error_message="An investigation cannot be completed before it started.",
            ),
            models.CheckConstraint(
                name="investigation_started_after_decision",
                condition=Q(started_on__gte=models.F("mode_decided_on")),
                violation_error_message="An investigation cannot start before the decision.",
            ),
            models.CheckConstraint(
                name="investigation_paused_has_reason",
                condition=(Q(status="paused") & ~Q(pause_reason=""))
                | (~Q(status="paused") & Q(pause_reason="")),
                violation_error_message="A paused investigation has a reason, and only then.",
            ),
            models.CheckConstraint(
                name="investigation_mode_investigates",
                condition=Q(mode__in=[m.value for m in INVESTIGATION_MODES]),
                violation_error_message="Only independent or directed (or legacy) investigations.",
            ),
        ]

    @property
    def regime(self) -> str:
        """The 2020 transition regime, which an investigation takes from its referral."""
        return self.referral.regime

    def get_regime_display(self) -> str:
        return self.referral.get_regime_display()

    @property
    def is_open(self) -> bool:
        return self.status != InvestigationStatus.COMPLETED

    @property
    def six_months_on(self) -> dt.date:
        return rules.add_months(self.started_on, rules.SIX_MONTHS)

    @property
    def twelve_months_on(self) -> dt.date:
        return rules.add_months(self.started_on, rules.TWELVE_MONTHS)

    @property
    def within_6_months(self) -> bool | None:
        return rules.within_6_months(self.started_on, self.completed_on)

    @property
    def within_12_months(self) -> bool | None:
        return rules.within_12_months(self.started_on, self.completed_on)


@pghistory.track(pghistory.InsertEvent(), pghistory.DeleteEvent())
class InvestigationTheme(models.Model):
    """The link between an investigation and one of its themes (kept so history shows it)."""

    investigation = models.ForeignKey(
        Investigation, on_delete=models.CASCADE, related_name="theme_links"
    )
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "theme"
        constraints = [
            models.UniqueConstraint(
                fields=["investigation", "theme"], name="unique_investigation_theme"
            )
        ]

    def __str__(self) -> str:
        return str(self.theme)


@pghistory.track()
class StatusChange(models.Model):
    """One step of the lifecycle, with the date it took effect; the first is the start."""

    investigation = models.ForeignKey(
        Investigation, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=20, choices=InvestigationStatus.choices)
    changed_on = models.DateField("date of change")
    pause_reason = models.CharField(max_length=40, choices=PauseReason.choices, blank=True)
    note = models.TextField(blank=True)
    changed_by = staff_user_field()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.changed_on}"
