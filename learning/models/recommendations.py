"""Learning recommendations to forces and national bodies, and the choices they use."""

import datetime as dt

import pghistory
from django.db import models
from django.db.models import F, Q

from appeals.models import Application
from cases.models import Investigation, Theme
from learning import rules
from oversight.core import references
from oversight.core.models import CaseRecord, Organisation, Role, owner_field


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


class PublicationDecision(models.TextChoices):
    """The oversight body's decision on representations against publication (28B(7))."""

    IN_FULL = rules.PUBLISH_IN_FULL, "Publish in full"
    IN_PART = rules.PUBLISH_IN_PART, "Publish in part"
    NOT_PUBLISHED = rules.NOT_PUBLISHED, "Do not publish"


class RecommendationKind(models.TextChoices):
    LEARNING = rules.LEARNING, "Learning recommendation"
    AFTER_REVIEW = rules.AFTER_REVIEW, "Recommendation after a review or appeal (paragraph 28ZA)"


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

    owner = owner_field(related_name="owned_recommendations")

    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="recommendations",
        null=True,
        blank=True,
    )
    kind = models.CharField(
        max_length=20, choices=RecommendationKind.choices, default=RecommendationKind.LEARNING
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
    # Proceedings for judicial review of the recommendation, started within the response
    # period, extend it by the days they are in progress (28B(4)).
    judicial_review_started_on = models.DateField(
        "judicial review proceedings started", null=True, blank=True
    )
    judicial_review_ended_on = models.DateField(
        "judicial review proceedings ended", null=True, blank=True
    )

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
                name="rec_after_review_from_application",
                condition=~Q(kind=rules.AFTER_REVIEW)
                | Q(source_kind=rules.APPLICATION, is_statutory=True),
                violation_error_message=(
                    "A recommendation after a review or appeal comes from that application and "
                    "is owed a response."
                ),
            ),
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
                name="rec_judicial_review_dates",
                condition=Q(judicial_review_ended_on__isnull=True)
                | Q(judicial_review_ended_on__gte=F("judicial_review_started_on")),
                violation_error_message=(
                    "Judicial review proceedings end on or after the day they started."
                ),
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
        return rules.response_due_on(self.issued_on, self.kind)

    @property
    def paragraph_28b_applies(self) -> bool:
        return rules.paragraph_28b_applies(self.kind, self.is_statutory)

    @property
    def current_response(self) -> models.Model | None:
        """The latest response (uses prefetched responses when the selector loaded them)."""
        responses = list(self.responses.all())
        return max(responses, key=lambda r: (r.received_on, r.id)) if responses else None

    @property
    def can_be_answered(self) -> bool:
        current = self.current_response
        return rules.can_respond(self.status, current.is_final if current else None)

    @property
    def judicial_review_pending(self) -> bool:
        return rules.judicial_review_pending(
            self.judicial_review_started_on, self.judicial_review_ended_on
        )

    def is_overdue(self, today: dt.date) -> bool:
        return rules.is_overdue(
            status=self.status,
            is_statutory=self.is_statutory,
            responded_on=self.responded_on,
            due_on=self.response_due_on,
            today=today,
            judicial_review_pending=self.judicial_review_pending,
        )
