"""Learning recommendations to forces and national bodies, and the recipients' responses."""

import datetime as dt

import pghistory
from django.db import models
from django.db.models import F, Q

from appeals.models import Application
from cases.models import Investigation, Theme
from learning import rules
from oversight.core import references
from oversight.core.models import CaseRecord, Organisation, Role, staff_user_field


class RecommendationType(models.TextChoices):
    POLICY_GUIDANCE = "policy_guidance", "Policy and guidance"
    TRAINING = "training", "Training"
    LEGISLATION = "legislation", "Legislation"
    RECORD_MANAGEMENT = "record_management", "Record management"
    EQUIPMENT = "equipment", "Equipment"
    OTHER = "other", "Other"


class RecommendationStatus(models.TextChoices):
    DRAFT = rules.DRAFT, "Draft"
    ISSUED = rules.ISSUED, "Issued (awaiting response)"
    ACCEPTED = rules.ACCEPTED, "Accepted"
    PARTIALLY_ACCEPTED = rules.PARTIALLY_ACCEPTED, "Partially accepted"
    NOT_ACCEPTED = rules.NOT_ACCEPTED, "Not accepted"
    IMPLEMENTED = rules.IMPLEMENTED, "Implemented"


class ResponseStatus(models.TextChoices):
    """The answers a recipient can give."""

    ACCEPTED = rules.ACCEPTED, "Accepted"
    PARTIALLY_ACCEPTED = rules.PARTIALLY_ACCEPTED, "Partially accepted"
    NOT_ACCEPTED = rules.NOT_ACCEPTED, "Not accepted"


class SourceKind(models.TextChoices):
    INVESTIGATION = rules.INVESTIGATION, "Investigation"
    APPLICATION = rules.APPLICATION, "Appeal or review"
    THEMATIC = rules.THEMATIC, "Thematic work"


class ReceivedVia(models.TextChoices):
    API = "api", "API"
    ONLINE = "online", "Online form"
    EMAIL = "email", "Email"
    PAPER = "paper", "Paper"


class RecommendationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Staff see every recommendation; a liaison only those issued to their organisation."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_casework_staff:
            return self
        if user.role == Role.FORCE_LIAISON and user.organisation_id:
            return self.filter(recipient_id=user.organisation_id).exclude(
                status=RecommendationStatus.DRAFT
            )
        return self.none()

    def issued(self):
        """Everything that has left the office: every status but draft."""
        return self.exclude(status=RecommendationStatus.DRAFT)


@pghistory.track()
class Recommendation(CaseRecord):
    """A learning recommendation to one force or national body.

    A draft may be incomplete; issuing needs a recipient, theme, type and text. For a
    statutory recommendation (made under paragraph 28A) the response is due under paragraph
    28B(2) by the end of 56 days beginning with the day of issue (issue + 55), later if extended
    (28B(3)). `status`, `responded_on` and `response` mirror the current response.
    """

    detail_url_name = "learning:recommendation-detail"

    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="recommendations",
        null=True,
        blank=True,
    )
    source_kind = models.CharField("source", max_length=20, choices=SourceKind.choices)
    source_reference = models.CharField(
        "source reference",
        max_length=20,
        blank=True,
        help_text="The investigation's (INV-) or application's (APP- or REV-) reference.",
    )
    # The record the reference names, set by the services from the reference (which stays
    # as the API's `source`); null for thematic work and for legacy references of nothing.
    source_investigation = models.ForeignKey(
        Investigation,
        on_delete=models.PROTECT,
        related_name="recommendations",
        null=True,
        blank=True,
    )
    source_application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="recommendations",
        null=True,
        blank=True,
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="recommendations",
        null=True,
        blank=True,
        db_index=False,  # rec_theme_issued_idx leads with it
        help_text="One of the thematic areas (cases.Theme), never free text.",
    )
    theme_text = models.CharField(
        "theme (legacy text)",
        max_length=100,
        blank=True,
        help_text="A free-text theme from before themes came from the list, that matched none "
        "of the thematic areas; kept so nothing is lost, never written now.",
    )
    type = models.CharField(max_length=30, choices=RecommendationType.choices, blank=True)
    text = models.TextField("recommendation", blank=True)
    is_statutory = models.BooleanField("statutory recommendation", default=False)
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.DRAFT
    )
    issued_on = models.DateField("date issued", null=True, blank=True)
    # The current due date, extensions included; kept so that lists and figures filter in SQL.
    response_due_on = models.DateField("response due", null=True, blank=True)
    responded_on = models.DateField("date of response", null=True, blank=True)
    response = models.TextField(blank=True)
    implemented_on = models.DateField("date implemented", null=True, blank=True)
    implementation_evidence = models.TextField("evidence of implementation", blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        indexes = [
            # Figures by financial year of issue, and the default list order.
            models.Index(fields=["issued_on", "id"], name="rec_issued_idx"),
            models.Index(fields=["recipient", "status"], name="rec_recipient_status_idx"),
            models.Index(fields=["status", "response_due_on"], name="rec_status_due_idx"),
            # Overdue responses: a small partial index over what is still awaited.
            models.Index(
                fields=["response_due_on"],
                condition=Q(is_statutory=True, responded_on__isnull=True) & ~Q(status=rules.DRAFT),
                name="rec_awaiting_statutory_idx",
            ),
            # Incremental sync by the recipients (updated_since), in a stable order.
            models.Index(fields=["recipient", "updated_at", "id"], name="rec_recipient_sync_idx"),
            # The theme filter, in the default order (and the PROTECT check on a theme).
            models.Index(fields=["theme", "issued_on"], name="rec_theme_issued_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="rec_issued_is_complete",
                condition=Q(status=rules.DRAFT)
                | (
                    Q(recipient__isnull=False, issued_on__isnull=False)
                    # A theme from the list; a legacy one kept as text also counts.
                    & (Q(theme__isnull=False) | ~Q(theme_text=""))
                    & ~Q(type="")
                    & ~Q(text="")
                ),
                violation_error_message=(
                    "An issued recommendation has a recipient, theme, type, text and issue date."
                ),
            ),
            models.CheckConstraint(
                name="rec_due_date_when_statutory",
                condition=Q(status=rules.DRAFT, response_due_on__isnull=True)
                | (
                    ~Q(status=rules.DRAFT)
                    & (
                        Q(is_statutory=True, response_due_on__gte=F("issued_on"))
                        | Q(is_statutory=False, response_due_on__isnull=True)
                    )
                ),
                violation_error_message="Only an issued statutory recommendation has a due date.",
            ),
            models.CheckConstraint(
                name="rec_responded_has_date",
                condition=Q(status__in=[rules.DRAFT, rules.ISSUED], responded_on__isnull=True)
                | Q(status__in=sorted(rules.RESPONDED_STATUSES), responded_on__isnull=False),
                violation_error_message="A recommendation responded to has a date of response.",
            ),
            models.CheckConstraint(
                name="rec_implemented_has_date",
                condition=Q(status=rules.IMPLEMENTED, implemented_on__isnull=False)
                | (~Q(status=rules.IMPLEMENTED) & Q(implemented_on__isnull=True)),
                violation_error_message="An implemented recommendation has a date implemented.",
            ),
            models.CheckConstraint(
                name="rec_source_reference_format",
                condition=Q(source_kind=rules.THEMATIC, source_reference="")
                | Q(
                    source_kind=rules.INVESTIGATION,
                    source_reference__regex=references.reference_pattern(references.INVESTIGATION),
                )
                | Q(
                    source_kind=rules.APPLICATION,
                    source_reference__regex=references.reference_pattern(
                        references.APPEAL, references.REVIEW
                    ),
                ),
                violation_error_message="The source reference does not match the kind of source.",
            ),
            models.CheckConstraint(
                name="rec_source_record_of_its_kind",
                condition=Q(source_kind=rules.INVESTIGATION, source_application__isnull=True)
                | Q(source_kind=rules.APPLICATION, source_investigation__isnull=True)
                | Q(
                    source_kind=rules.THEMATIC,
                    source_investigation__isnull=True,
                    source_application__isnull=True,
                ),
                violation_error_message=(
                    "A recommendation links only to a record of its kind of source, and "
                    "thematic work to none."
                ),
            ),
        ]

    @property
    def is_draft(self) -> bool:
        return self.status == RecommendationStatus.DRAFT

    @property
    def theme_label(self) -> str:
        """The theme's name, or the legacy free text of one from before the list ("" if none)."""
        return self.theme.name if self.theme_id else self.theme_text

    @property
    def source(self) -> str:
        """The investigation's or application's reference, or "thematic"."""
        return self.source_reference or rules.THEMATIC

    @property
    def source_record(self) -> "Investigation | Application | None":
        """The investigation or application it comes from (None if thematic, or a legacy
        reference that names no record of the system)."""
        return self.source_investigation or self.source_application

    @property
    def source_url(self) -> str:
        """The staff page of the investigation or application it comes from ("" if thematic
        or it names no record). Only staff pages show it: liaisons and the public see the
        reference alone."""
        record = self.source_record
        return record.get_absolute_url() if record is not None else ""

    @property
    def statutory_due_on(self) -> dt.date | None:
        """The due date before any extension."""
        if not self.is_statutory or self.issued_on is None:
            return None
        return rules.response_due_on(self.issued_on)

    @property
    def current_response(self) -> "RecommendationResponse | None":
        """The latest response (uses prefetched responses when the selector loaded them)."""
        responses = list(self.responses.all())
        return max(responses, key=lambda r: (r.received_on, r.id)) if responses else None

    @property
    def can_be_answered(self) -> bool:
        current = self.current_response
        return rules.can_respond(self.status, current.is_final if current else None)

    def is_overdue(self, today: dt.date) -> bool:
        return rules.is_overdue(
            status=self.status,
            is_statutory=self.is_statutory,
            responded_on=self.responded_on,
            due_on=self.response_due_on,
            today=today,
        )


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
    publication_declined = models.BooleanField(
        "recipient asked in writing that it not be published", default=False
    )
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
                name="rec_response_not_published_if_declined",
                condition=Q(publication_declined=False) | Q(published_on__isnull=True),
                violation_error_message=(
                    "A response withheld at the recipient's request cannot be published."
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
