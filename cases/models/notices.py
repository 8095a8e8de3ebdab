"""Statutory notices to the local policing body while an investigation runs (reg. 13)."""

import pghistory
from django.db import models
from django.db.models import Q

from cases.investigations import rules
from cases.models.investigations import Investigation
from oversight.core.models import staff_user_field

RECIPIENT_LABELS = {
    rules.LOCAL_POLICING_BODY: "The local policing body",
    rules.CHIEF_OFFICER: "The chief officer",
}


class NoticeAction(models.TextChoices):
    GIVEN = "given", "Notice given"
    # Reg. 13: not given where it might prejudice this or another investigation.
    WITHHELD = "withheld", "Withheld: it might prejudice an investigation"


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
    # Reg. 13(2)(b): not to the chief officer when the investigation is into their conduct.
    chief_officer_under_investigation = models.BooleanField(
        "the investigation relates to the chief officer's conduct", default=False
    )
    # Reg. 13(4)(c)-(f): what a notice given must say.
    progress = models.TextField("progress of the investigation", blank=True)
    estimated_completion_on = models.DateField("estimated completion", null=True, blank=True)
    delay_reasons = models.TextField("reasons for the time taken", blank=True)
    planned_steps = models.TextField("planned steps to bring it to a conclusion", blank=True)
    note = models.TextField(blank=True)
    recorded_by = staff_user_field()
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

    @property
    def recipients(self) -> list[str]:
        """Whom the notice goes to (reg. 13(2))."""
        return rules.notice_recipients(self.chief_officer_under_investigation)

    @property
    def recipient_labels(self) -> list[str]:
        return [RECIPIENT_LABELS[r] for r in self.recipients]
