"""Investigations opened from referrals: people under investigation, their allegations and
outcomes, status changes, and the statutory notices to the local policing body."""

import datetime as dt

import pghistory
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from cases import investigation_rules as rules
from cases.models.referrals import Mode, Referral
from oversight.core.models import AuditedModel, Organisation

# The modes in which the oversight body runs (or, for legacy matters, oversees) an investigation.
INVESTIGATION_MODES = (Mode.INDEPENDENT, Mode.DIRECTED, Mode.SUPERVISED, Mode.MANAGED)


def full_history() -> tuple:
    """Trackers for inserts, updates and deletes (fresh ones: pghistory binds them to a model)."""
    return (pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())


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


class Outcome(models.TextChoices):
    """The investigator's opinion, or the force's determination, on one allegation."""

    GROSS_MISCONDUCT = "gross_misconduct", "Case to answer for gross misconduct"
    MISCONDUCT = "misconduct", "Case to answer for misconduct"
    NO_CASE_TO_ANSWER = "no_case_to_answer", "No case to answer"
    UNSATISFACTORY_PERFORMANCE = "unsatisfactory_performance", "Unsatisfactory performance"
    REFLECTIVE_PRACTICE = "reflective_practice", "Reflective practice"


class ChargingDecision(models.TextChoices):
    CHARGED = "charged", "Charged"
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    PENDING = "pending", "Decision pending"


class DisciplinaryResult(models.TextChoices):
    DISMISSAL = "dismissal", "Dismissal"
    FINAL_WRITTEN_WARNING = "final_written_warning", "Final written warning"
    WRITTEN_WARNING = "written_warning", "Written warning"
    MANAGEMENT_ADVICE = "management_advice", "Management advice"
    NO_ACTION = "no_action", "No action"


class NoticeAction(models.TextChoices):
    GIVEN = "given", "Notice given"
    # Reg. 13: not given where it might prejudice this or another investigation.
    WITHHELD = "withheld", "Withheld: it might prejudice an investigation"


class InvestigationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Investigations this user may see: all for casework staff, none for anyone else."""
        if user.is_authenticated and user.is_casework_staff:
            return self
        return self.none()

    def open(self):
        return self.exclude(status=InvestigationStatus.COMPLETED)

    def core(self):
        """Not major: the investigations the timeliness figures count."""
        return self.filter(is_major=False)


@pghistory.track()
class Investigation(AuditedModel):
    """An investigation the oversight body runs (independent) or directs, from one referral."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    referral = models.OneToOneField(
        Referral, on_delete=models.PROTECT, related_name="investigation"
    )
    mode = models.CharField(max_length=20, choices=Mode.choices)
    mode_decided_on = models.DateField("date of the decision to investigate", editable=False)
    lead_investigator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_investigations",
        null=True,
        blank=True,
    )
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
    version = models.PositiveIntegerField(default=1, editable=False)

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

    def __str__(self) -> str:
        return self.reference

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
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.changed_on}"


@pghistory.track(*full_history())
class Subject(models.Model):
    """A person serving with the police under investigation, with the outcomes for them."""

    investigation = models.ForeignKey(
        Investigation, on_delete=models.CASCADE, related_name="subjects"
    )
    name = models.CharField(max_length=200)
    rank = models.CharField("rank or role", max_length=80, blank=True)
    collar_number = models.CharField(max_length=20, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name="force"
    )
    referred_to_cps = models.BooleanField("referred to the CPS", default=False)
    charging_decision = models.CharField(
        "CPS charging decision", max_length=20, choices=ChargingDecision.choices, blank=True
    )
    disciplinary_result = models.CharField(
        max_length=30, choices=DisciplinaryResult.choices, blank=True
    )
    barred_list = models.BooleanField("entered on the barred list", default=False)

    class Meta:
        verbose_name = "person serving with the police"
        verbose_name_plural = "people serving with the police"
        ordering = ["id"]
        indexes = [
            # The investigation list's search by part of a name, or a collar number.
            GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"), name="subject_name_trgm_idx"),
            models.Index(Upper("collar_number"), name="subject_collar_upper_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="subject_charging_needs_cps_referral",
                condition=Q(charging_decision="") | Q(referred_to_cps=True),
                violation_error_message="A charging decision needs a referral to the CPS.",
            ),
        ]

    def __str__(self) -> str:
        who = f"{self.rank} {self.name}".strip()
        return f"{who} ({self.collar_number})" if self.collar_number else who

    @property
    def outcome(self) -> str:
        """The most serious investigator's opinion on any of this person's allegations."""
        return rules.headline_outcome(a.investigator_opinion for a in self.allegations.all())

    def get_outcome_display(self) -> str:
        return Outcome(self.outcome).label if self.outcome else ""


@pghistory.track(*full_history())
class Allegation(models.Model):
    """One allegation against one person: the investigator's opinion and, separately, the
    force's determination once it has read the report."""

    # The investigation is repeated here so that its audit history finds allegations directly.
    investigation = models.ForeignKey(
        Investigation, on_delete=models.CASCADE, related_name="allegations"
    )
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="allegations")
    description = models.TextField()
    investigator_opinion = models.CharField(
        "investigator's opinion", max_length=30, choices=Outcome.choices, blank=True
    )
    force_determination = models.CharField(
        "force's determination", max_length=30, choices=Outcome.choices, blank=True
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="allegation_determination_after_opinion",
                condition=Q(force_determination="") | ~Q(investigator_opinion=""),
                violation_error_message=(
                    "The force determines an allegation only after the investigator's opinion."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]


@pghistory.track()
class StatutoryNotice(models.Model):
    """A notice to the local policing body (and chief officer) that the investigation has run
    past a relevant period, or a decision to withhold it (reg. 13, 2020 Regulations)."""

    investigation = models.ForeignKey(
        Investigation, on_delete=models.CASCADE, related_name="notices"
    )
    due_on = models.DateField("notice due")
    action = models.CharField(max_length=20, choices=NoticeAction.choices)
    actioned_on = models.DateField("date given or withheld")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "statutory notice"
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["investigation", "due_on"], name="unique_notice_per_due_date"
            ),
            models.CheckConstraint(
                name="notice_actioned_after_due",
                condition=Q(actioned_on__gte=models.F("due_on")),
                violation_error_message="A notice is given once its period has ended.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} on {self.actioned_on} (due {self.due_on})"
