"""People serving with the police under investigation, their allegations and the outcomes."""

import pghistory
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from cases.investigations import rules
from cases.models.investigations import Investigation
from oversight.core.models import Organisation


def full_history() -> tuple:
    """Trackers for inserts, updates and deletes (fresh ones: pghistory binds them to a model)."""
    return (pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())


class Outcome(models.TextChoices):
    """The investigator's opinion, or the force's determination, on one allegation."""

    GROSS_MISCONDUCT = "gross_misconduct", "Case to answer for gross misconduct"
    MISCONDUCT = "misconduct", "Case to answer for misconduct"
    NO_CASE_TO_ANSWER = "no_case_to_answer", "No case to answer"


class Consequence(models.TextChoices):
    """What may still follow no case to answer (rules.consequence_allowed): consequences of
    that outcome, not outcomes beside it."""

    UNSATISFACTORY_PERFORMANCE = (
        "unsatisfactory_performance",
        "Unsatisfactory performance procedures",
    )
    REFLECTIVE_PRACTICE = "reflective_practice", "Reflective practice review process"


class ChargingDecision(models.TextChoices):
    CHARGED = "charged", "Charged"
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    PENDING = "pending", "Decision pending"


class DisciplinaryResult(models.TextChoices):
    DISMISSAL = "dismissal", "Dismissal"
    # Police (Conduct) Regulations 2020: disciplinary action at a misconduct hearing.
    REDUCTION_IN_RANK = "reduction_in_rank", "Reduction in rank"
    FINAL_WRITTEN_WARNING = "final_written_warning", "Final written warning"
    WRITTEN_WARNING = "written_warning", "Written warning"
    MANAGEMENT_ADVICE = "management_advice", "Management advice"
    NO_ACTION = "no_action", "No action"


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
    # Police Act 1996 Part 4A (inserted by the Policing and Crime Act 2017): the advisory
    # list, of those who resigned or retired while under investigation, beside the barred list.
    advisory_list = models.BooleanField("entered on the advisory list", default=False)

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
    investigator_consequence = models.CharField(
        "consequence in the investigator's opinion",
        max_length=30,
        choices=Consequence.choices,
        blank=True,
    )
    force_consequence = models.CharField(
        "consequence in the force's determination",
        max_length=30,
        choices=Consequence.choices,
        blank=True,
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
            models.CheckConstraint(
                name="allegation_consequence_needs_no_case",
                condition=(
                    Q(investigator_consequence="") | Q(investigator_opinion="no_case_to_answer")
                )
                & (Q(force_consequence="") | Q(force_determination="no_case_to_answer")),
                violation_error_message="A consequence follows only no case to answer.",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]
