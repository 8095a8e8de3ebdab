"""Appeals and reviews: complainants' applications about how a force handled their complaint."""

import datetime as dt

import pghistory
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils.text import capfirst

from appeals import rules
from oversight.core import regime
from oversight.core.models import (
    CaseRecord,
    Organisation,
    StaffOnlyQuerySet,
    owner_field,
    staff_user_field,
)
from oversight.core.regime import Regime, RegimeReason

REFORM = regime.REFORM_DATE


class Kind(models.TextChoices):
    """Derived from the date the complaint was made, never typed."""

    APPEAL = rules.APPEAL, "Appeal"
    REVIEW = rules.REVIEW, "Review"


class Subject(models.TextChoices):
    """What the application is about; reviews after an investigation are reported apart."""

    INVESTIGATION_OUTCOME = "investigation_outcome", "The outcome of an investigation"
    NON_INVESTIGATION_HANDLING = (
        "non_investigation_handling",
        "The outcome of a complaint handled otherwise than by investigation",
    )
    NON_RECORDING = "non_recording", "A decision not to record the complaint (appeals only)"
    OTHER = "other", "Something else"


class Applicant(models.TextChoices):
    COMPLAINANT = "complainant", "The complainant"
    REPRESENTATIVE = "representative", "Someone acting for the complainant with their consent"
    SOMEONE_ELSE = rules.SOMEONE_ELSE, "Someone else, without the complainant's consent"


class ReviewBody(models.TextChoices):
    """The relevant review (or, for appeals, appeal) body, derived from the criteria."""

    OVERSIGHT_BODY = rules.OVERSIGHT_BODY, "The oversight body"
    LOCAL_POLICING_BODY = rules.LOCAL_POLICING_BODY, "The local policing body"
    CHIEF_OFFICER = rules.CHIEF_OFFICER, "The force's chief officer (appeals before 2020)"


class Status(models.TextChoices):
    RECEIVED = "received", "Awaiting validity check"
    VALID = "valid", "Valid, awaiting decision"
    INVALID = "invalid", "Invalid"
    DECIDED = "decided", "Decided"
    FORWARDED = "forwarded", "Forwarded to the relevant review body"


class InvalidReason(models.TextChoices):
    OUT_OF_TIME = "out_of_time", "Made out of time"
    NOT_COMPLAINANT = (
        "not_complainant",
        "Not made by the complainant or someone acting for them with consent",
    )
    MISSING_INFORMATION = "missing_information", "Required information missing"
    OTHER = "other", "Another reason"


class Result(models.TextChoices):
    """Stored and in the API as upheld/not_upheld; pages word reviews differently."""

    UPHELD = rules.UPHELD, "Upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


class FollowUp(models.TextChoices):
    """What the decision-maker directs or recommends when an application is upheld."""

    REINVESTIGATION = "reinvestigation", "Re-investigation"
    RECOMMENDATION_TO_FORCE = "recommendation_to_force", "Recommendation to the force"
    REFERRAL_BACK = "referral_back", "Referred back to the force to reconsider its outcome"
    PROCEEDINGS = "proceedings", "Recommendation or direction on disciplinary proceedings"
    OTHER = "other", "Other follow-up"


class AgeBand(models.TextChoices):
    """How long an undecided application has waited since receipt (see rules.AGE_BANDS)."""

    UNDER_1_MONTH = "under_1_month", "Under 1 month"
    ONE_TO_3_MONTHS = "1_to_3_months", "1 to 3 months"
    THREE_TO_6_MONTHS = "3_to_6_months", "3 to 6 months"
    SIX_TO_12_MONTHS = "6_to_12_months", "6 to 12 months"
    OVER_12_MONTHS = "over_12_months", "12 months or more"


OPEN_STATUSES = (Status.RECEIVED, Status.VALID)
# The fields recording the criteria that make the oversight body the relevant review body.
REVIEW_BODY_CRITERIA = (
    "about_senior_officer",
    "referred_or_should_have_been",
    "treated_as_referred",
    "could_justify_proceedings",
    "engages_article_2_or_3",
    "same_incident",
)


class ApplicationQuerySet(StaffOnlyQuerySet):
    def undecided(self):
        """Still with a caseworker: awaiting the validity check or the decision."""
        return self.filter(status__in=OPEN_STATUSES)

    def counted(self):
        """Applications the oversight body itself deals with (not forwarded elsewhere)."""
        return self.exclude(status=Status.FORWARDED)


@pghistory.track()
class Application(CaseRecord):
    """An application for an appeal or a review of how a force handled a complaint."""

    detail_url_name = "appeals:application-detail"

    owner = owner_field(related_name="owned_applications")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="applications", verbose_name="force"
    )
    force_reference = models.CharField("force's complaint reference", max_length=60, blank=True)
    complaint_made_on = models.DateField("date the complaint was made")
    outcome_notified_on = models.DateField("date the complainant was told the outcome")
    received_on = models.DateField("date the application was received")
    # An application first made to another body (a local policing body, or the force) and
    # forwarded here is treated as made when that body received it (reg. 29(3) of the 2020
    # Regulations; para. 32(3) for appeals): the time before forwarding is disregarded.
    first_received_on = models.DateField(
        "date first received by another body", null=True, blank=True
    )
    first_received_by = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="first received by",
        help_text="The body the application was first made to, for example a local policing body.",
    )
    applicant = models.CharField(
        "who applied", max_length=20, choices=Applicant.choices, default=Applicant.COMPLAINANT
    )
    subject = models.CharField("what it is about", max_length=30, choices=Subject.choices)
    summary = models.TextField("grounds of the application", blank=True)

    # Criteria that make the oversight body the relevant review body (reg. 32): each holds
    # where any part of the complaint meets it.
    about_senior_officer = models.BooleanField(
        "any part of the complaint is about a senior officer", default=False
    )
    referred_or_should_have_been = models.BooleanField(
        "any part was, or should have been, referred to the oversight body", default=False
    )
    treated_as_referred = models.BooleanField(
        "any part is being treated by the oversight body as referred to it", default=False
    )
    could_justify_proceedings = models.BooleanField(
        "the force could not satisfy itself, from the complaint alone, that the conduct, if "
        "proved, would not justify criminal or disciplinary proceedings",
        default=False,
    )
    engages_article_2_or_3 = models.BooleanField(
        "any part engages Article 2 or 3 of the ECHR", default=False
    )
    same_incident = models.BooleanField(
        "any part arises from the same incident as a complaint meeting these criteria",
        default=False,
    )
    # The complaint's regime decides the kind (SI 2020/5 reg. 3): given against its date
    # only with a reason.
    regime_reason = models.CharField(
        "why the regime is not the date's", max_length=30, choices=RegimeReason.choices, blank=True
    )

    # Derived by the services from the rules, stored so that lists, filters and figures
    # compare in SQL; check constraints below keep them true to the dates they come from.
    regime = models.CharField(max_length=10, choices=Regime.choices, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, editable=False)
    apply_by = models.DateField("last day to apply in time", editable=False)
    review_body = models.CharField(
        "relevant review body", max_length=30, choices=ReviewBody.choices, editable=False
    )

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    forwarded_to = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="forwarded to",
    )
    # Who it was forwarded to as typed before that was chosen from the organisations, where
    # the text named none of them (kept so that nothing recorded is lost).
    forwarded_to_text = models.CharField("forwarded to (as recorded)", max_length=200, blank=True)
    forwarded_on = models.DateField("date forwarded", null=True, blank=True)

    is_valid = models.BooleanField("valid", null=True, blank=True)
    invalid_reason = models.CharField(
        "reason it is invalid", max_length=30, choices=InvalidReason.choices, blank=True
    )
    validity_notes = models.TextField("notes on validity", blank=True)
    special_circumstances = models.TextField(
        "special circumstances for accepting it late", blank=True
    )
    judged_on = models.DateField("date validity was judged", null=True, blank=True)
    judged_by = staff_user_field("validity judged by", optional=True)

    decided_on = models.DateField("date of decision", null=True, blank=True)
    result = models.CharField(max_length=20, choices=Result.choices, blank=True)
    follow_up = ArrayField(
        models.CharField(max_length=30, choices=FollowUp.choices),
        default=list,
        blank=True,
        verbose_name="follow-up directed",
    )
    decision_reasons = models.TextField("reasons for the decision", blank=True)
    decided_by = staff_user_field("decided by", optional=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["received_on", "id"], name="application_received_idx"),
            models.Index(fields=["decided_on"], name="application_decided_idx"),
            models.Index(
                fields=["organisation", "received_on"], name="application_org_received_idx"
            ),
            models.Index(fields=["status", "received_on"], name="application_status_idx"),
            # The list's search: part of a reference (trigrams), or the force's own reference.
            GinIndex(
                OpClass(Upper("reference"), name="gin_trgm_ops"),
                name="application_ref_trgm_idx",
            ),
            models.Index(Upper("force_reference"), name="application_force_ref_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="application_regime_follows_date_or_reason",
                condition=Q(regime_reason="", regime=regime.PRE_2020, complaint_made_on__lt=REFORM)
                | Q(regime_reason="", regime=regime.POST_2020, complaint_made_on__gte=REFORM)
                | Q(
                    regime_reason=regime.LINKED_TO_EARLIER_MATTER,
                    regime=regime.PRE_2020,
                    complaint_made_on__gte=REFORM,
                )
                | Q(
                    regime_reason__in=[regime.REINVESTIGATION, regime.OLD_CASE_DIRECTION],
                    regime=regime.POST_2020,
                    complaint_made_on__lt=REFORM,
                ),
                violation_error_message="The regime must follow the complaint date or a reason.",
            ),
            models.CheckConstraint(
                name="application_kind_follows_regime",
                condition=Q(kind="appeal", regime=regime.PRE_2020)
                | Q(kind="review", regime=regime.POST_2020),
                violation_error_message="An appeal is under the old regime, a review the new.",
            ),
            models.CheckConstraint(
                name="application_apply_by_28_days",
                condition=Q(
                    apply_by=F("outcome_notified_on")
                    + dt.timedelta(days=rules.APPLICATION_WINDOW_DAYS)
                ),
                violation_error_message="The last day to apply is 28 days after notification.",
            ),
            models.CheckConstraint(
                name="application_dates_in_order",
                condition=Q(complaint_made_on__lte=F("outcome_notified_on"))
                & Q(outcome_notified_on__lte=F("received_on")),
                violation_error_message="Complaint, notification and receipt must be in order.",
            ),
            models.CheckConstraint(
                name="application_status_matches_judgement",
                condition=Q(status="received", is_valid__isnull=True)
                | (
                    Q(status="forwarded", is_valid__isnull=True, forwarded_on__isnull=False)
                    & (Q(forwarded_to__isnull=False) | Q(forwarded_to_text__gt=""))
                )
                | Q(status="invalid", is_valid=False)
                | Q(status__in=["valid", "decided"], is_valid=True),
                violation_error_message="The status must match the validity judgement.",
            ),
            models.CheckConstraint(
                name="application_invalid_has_reason",
                condition=Q(is_valid=False, invalid_reason__gt="")
                | (~Q(is_valid=False) & Q(invalid_reason="")),
                violation_error_message="An invalid application has a reason; others none.",
            ),
            models.CheckConstraint(
                name="application_decided_has_result",
                condition=Q(status="decided", decided_on__isnull=False, result__gt="")
                | (~Q(status="decided") & Q(decided_on__isnull=True, result="")),
                violation_error_message="A decided application has a date and a result.",
            ),
            models.CheckConstraint(
                name="application_first_received_with_its_body",
                condition=Q(first_received_on__isnull=True, first_received_by__isnull=True)
                | Q(first_received_on__isnull=False, first_received_by__isnull=False),
                violation_error_message="The first body and the date it received it go together.",
            ),
            models.CheckConstraint(
                name="application_first_received_before_received",
                condition=Q(first_received_on__isnull=True)
                | Q(first_received_on__lte=F("received_on")),
                violation_error_message="Another body cannot have received it after we did.",
            ),
            models.CheckConstraint(
                name="application_decided_after_received",
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("received_on")),
                violation_error_message="A decision cannot predate the application.",
            ),
        ]

    @property
    def made_in_time(self) -> bool:
        """Made within 28 days beginning with the day after the outcome was notified, counting
        to the day another body first received it when it was forwarded here."""
        return rules.made_in_time(
            self.outcome_notified_on, self.received_on, self.first_received_on
        )

    @property
    def made_on(self) -> dt.date:
        """The day the application counts as made for the time limit."""
        return rules.made_on(self.received_on, self.first_received_on)

    @property
    def forwarded_to_label(self) -> str:
        """Who it was forwarded to: the organisation, or the text recorded before."""
        return self.forwarded_to.name if self.forwarded_to else self.forwarded_to_text

    @property
    def is_decided(self) -> bool:
        return self.status == Status.DECIDED

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def upheld(self) -> bool | None:
        return rules.is_upheld(self.result)

    @property
    def result_label(self) -> str:
        return rules.result_label(self.kind, self.result)

    @property
    def is_with_oversight_body(self) -> bool:
        return self.review_body == ReviewBody.OVERSIGHT_BODY

    @property
    def follow_up_labels(self) -> list[str]:
        return [FollowUp(value).label for value in self.follow_up]

    @property
    def review_body_criteria(self) -> list[str]:
        """The criteria that hold, in words (an appeal against non-recording first)."""
        held = [
            capfirst(self._meta.get_field(name).verbose_name)
            for name in REVIEW_BODY_CRITERIA
            if getattr(self, name)
        ]
        if self.subject == rules.NON_RECORDING:
            held.insert(0, "An appeal against a decision not to record lies to the oversight body")
        return held
