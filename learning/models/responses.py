"""The recipients' responses to recommendations, their planned actions, and extensions of
the response period."""

import datetime as dt

import pghistory
from django.db import models
from django.db.models import F, Q

from learning import rules
from learning.models.recommendations import (
    PublicationDecision,
    ReceivedVia,
    Recommendation,
    ResponseStatus,
)
from oversight.core.models import staff_user_field


@pghistory.track()
class RecommendationResponse(models.Model):
    """One written response from the recipient; every one is kept, the latest is current."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="responses"
    )
    status = models.CharField("answer", max_length=20, choices=ResponseStatus.choices)
    text = models.TextField("response")
    received_on = models.DateField("date received")
    is_final = models.BooleanField(
        "final response", default=True, help_text="An interim response can be followed by another."
    )
    received_via = models.CharField(max_length=10, choices=ReceivedVia.choices)
    # Staff recording a letter or email on a later day say why (rules.receipt_date_fault).
    receipt_reason = models.TextField("why it was recorded after the day of receipt", blank=True)
    # Written representations, made with the response, that it or parts of it not be
    # published (28B(6)); they wait for the oversight body's decision (28B(7)).
    representations = models.TextField("representations against publication", blank=True)
    publication_decision = models.CharField(
        "decision on publication", max_length=20, choices=PublicationDecision.choices, blank=True
    )
    publication_decided_on = models.DateField("date of the decision", null=True, blank=True)
    publication_decided_by = staff_user_field("decided by", optional=True)
    publication_reasons = models.TextField("reasons for the decision", blank=True)
    # What is published when the decision is to publish in part.
    published_text = models.TextField("the parts to be published", blank=True)
    publish_by = models.DateField("publish by", null=True, blank=True)
    published_on = models.DateField("date published", null=True, blank=True)
    submitted_by = staff_user_field()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = "response"
        indexes = [
            models.Index(
                fields=["publish_by"],
                condition=Q(published_on__isnull=True, publish_by__isnull=False),
                name="rec_response_to_publish_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="rec_response_decision_on_representations",
                condition=Q(publication_decision="", publication_decided_on__isnull=True)
                | (
                    ~Q(representations="")
                    & Q(
                        publication_decision__in=sorted(rules.PUBLICATION_DECISIONS),
                        publication_decided_on__isnull=False,
                    )
                ),
                violation_error_message=(
                    "A decision on publication answers representations, and has a date."
                ),
            ),
            models.CheckConstraint(
                name="rec_response_part_has_published_text",
                condition=~Q(publication_decision=rules.PUBLISH_IN_PART) | ~Q(published_text=""),
                violation_error_message="Publishing in part needs the parts to be published.",
            ),
            models.CheckConstraint(
                name="rec_response_published_only_if_allowed",
                condition=Q(published_on__isnull=True)
                | Q(representations="")
                | Q(publication_decision__in=[rules.PUBLISH_IN_FULL, rules.PUBLISH_IN_PART]),
                violation_error_message=(
                    "A response with representations against publication is published only "
                    "after a decision to publish it in full or in part."
                ),
            ),
            models.CheckConstraint(
                name="rec_response_published_after_receipt",
                condition=Q(published_on__isnull=True) | Q(published_on__gte=F("received_on")),
                violation_error_message="A response cannot be published before it was received.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.received_on:%-d %B %Y}"

    @property
    def awaits_publication_decision(self) -> bool:
        """Representations against publication made, and not yet decided (28B(6)-(7))."""
        return bool(self.representations) and not self.publication_decision

    @property
    def public_text(self) -> str:
        """What the public may read: the parts decided on, when published in part."""
        if self.publication_decision == PublicationDecision.IN_PART:
            return self.published_text
        return self.text

    def is_publication_overdue(self, today: dt.date) -> bool:
        return rules.is_publication_overdue(self.publish_by, self.published_on, today)


@pghistory.track()
class PlannedAction(models.Model):
    """Something the recipient says it will do in response, and by when."""

    response = models.ForeignKey(
        RecommendationResponse, on_delete=models.CASCADE, related_name="actions"
    )
    description = models.TextField("action")
    due_on = models.DateField("planned date", null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:60]


@pghistory.track()
class ResponseExtension(models.Model):
    """An extension of the statutory response period, granted on a request made in time."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="extensions"
    )
    requested_on = models.DateField("date requested")
    previous_due_on = models.DateField("previously due")
    new_due_on = models.DateField("now due")
    reason = models.TextField(blank=True)
    granted_by = staff_user_field()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        verbose_name = "extension"
        constraints = [
            models.CheckConstraint(
                name="rec_extension_in_time_and_later",
                condition=Q(requested_on__lte=F("previous_due_on"))
                & Q(new_due_on__gt=F("previous_due_on")),
                violation_error_message=(
                    "An extension is requested before the due date and moves it later."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Extended to {self.new_due_on:%-d %B %Y}"
