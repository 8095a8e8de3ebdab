"""Referrals from police forces, and the oversight body's determinations of the mode."""

import pghistory
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from cases.referrals import rules
from oversight.core.models import (
    CaseRecord,
    Organisation,
    StaffOnlyQuerySet,
    owner_field,
    staff_user_field,
)
from oversight.core.regime import Regime, RegimeReason


class MatterType(models.TextChoices):
    COMPLAINT = "complaint", "Complaint"
    CONDUCT = "conduct", "Recordable conduct matter"
    DSI = "dsi", "Death or serious injury matter"


class ReferralType(models.TextChoices):
    MANDATORY = "mandatory", "Mandatory"
    VOLUNTARY = "voluntary", "Voluntary"
    # The oversight body treating the matter as referred (Sch. 3 paras 4A, 13A, 14CA).
    CALLED_IN = "called_in", "Called in (treated as referred by the oversight body)"


class Category(models.TextChoices):
    """The mandatory referral categories: Police Reform Act 2002 Sch. 3 para. 4(1)(a) and
    para. 14C (death or serious injury), and the descriptions of the Police (Complaints and
    Misconduct) Regulations 2020, reg. 4(1) for complaints and reg. 7(1) for conduct matters.
    """

    DEATH_OR_SERIOUS_INJURY = "death_or_serious_injury", "Death or serious injury"
    SERIOUS_ASSAULT = "serious_assault", "Serious assault"
    SERIOUS_SEXUAL_OFFENCE = "serious_sexual_offence", "Serious sexual offence"
    SERIOUS_CORRUPTION = (
        "serious_corruption",
        "Serious corruption (including abuse of position for a sexual purpose)",
    )
    DISCRIMINATION = (
        "discrimination",
        "Criminal offence or misconduct aggravated by discriminatory behaviour",
    )
    # A "relevant offence" (2020 Regulations reg. 1(2)): one whose sentence is fixed by law, or
    # for which a person aged 18 or over, not previously convicted, may be sentenced to
    # imprisonment for seven years or more.
    SERIOUS_OFFENCE = (
        "serious_offence",
        "Relevant offence: an offence for which the sentence is fixed by law or carries "
        "7 years or more",
    )
    SAME_INCIDENT = "same_incident", "Arising from the same incident as any of these"
    # Reg. 4(1)(c): a complaint about a chief officer or the Metropolitan Police's Deputy
    # Commissioner that the force cannot satisfy itself, from the complaint alone, would not
    # justify criminal or disciplinary proceedings; reg. 7(1)(g): their conduct matters.
    CHIEF_OFFICER = (
        "chief_officer",
        "About a chief officer or the Deputy Commissioner of the Metropolitan Police",
    )


class Mode(models.TextChoices):
    """Mode of investigation, in the statutory order of consideration after local."""

    INDEPENDENT = "independent", "Independent"
    DIRECTED = "directed", "Directed"
    LOCAL = "local", "Local (by the force)"
    NO_INVESTIGATION = "no_investigation", "No investigation (returned to the force)"
    # Legacy modes, only for matters that came to the force's attention before 1 February 2020.
    SUPERVISED = "supervised", "Supervised (legacy)"
    MANAGED = "managed", "Managed (legacy)"


class ReferralStatus(models.TextChoices):
    AWAITING_DECISION = "awaiting_decision", "Awaiting decision"
    DECIDED = "decided", "Decided"


@pghistory.track()
class Referral(CaseRecord):
    """A matter a force (the appropriate authority) has referred to the oversight body."""

    detail_url_name = "cases:referral-detail"

    owner = owner_field(related_name="owned_referrals")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals", verbose_name="force"
    )
    received_on = models.DateField("date received")
    matter_type = models.CharField(max_length=20, choices=MatterType.choices)
    referral_type = models.CharField(max_length=20, choices=ReferralType.choices)
    categories = ArrayField(
        models.CharField(max_length=40, choices=Category.choices), default=list, blank=True
    )
    summary = models.TextField()
    force_reference = models.CharField("force's reference", max_length=60, blank=True)
    first_aware_on = models.DateField(
        "date the complaint was made or the matter came to the force's attention",
        null=True,
        blank=True,
    )
    # The 2020 transition (SI 2020/5 reg. 3): the regime of first_aware_on (or, when that is
    # not recorded, received_on) unless regime_reason moves it; stored so that lists and
    # figures filter on it, and set by the services whenever those change.
    regime = models.CharField(max_length=20, choices=Regime.choices, editable=False)
    regime_reason = models.CharField(
        "reason for a regime other than the date's",
        max_length=30,
        choices=RegimeReason.choices,
        blank=True,
    )
    # Stored so that lists, filters and figures compare in SQL; set by the services
    # from the calendar rule whenever received_on changes.
    decision_due_on = models.DateField(editable=False)
    status = models.CharField(
        max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.AWAITING_DECISION
    )
    # The current mode, and the date of the first determination (the one the target counts).
    mode = models.CharField(max_length=20, choices=Mode.choices, blank=True)
    decided_on = models.DateField("date of first decision", null=True, blank=True)

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["received_on", "id"], name="referral_received_idx"),
            models.Index(fields=["organisation", "received_on"], name="referral_org_received_idx"),
            models.Index(fields=["status", "decision_due_on"], name="referral_status_due_idx"),
            models.Index(fields=["decided_on"], name="referral_decided_idx"),
            # The list's search: part of a reference (trigrams), or the force's own reference.
            GinIndex(
                OpClass(Upper("reference"), name="gin_trgm_ops"),
                name="referral_reference_trgm_idx",
            ),
            models.Index(Upper("force_reference"), name="referral_force_ref_upper_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="referral_decided_has_mode",
                condition=Q(status="awaiting_decision", mode="", decided_on__isnull=True)
                | (Q(status="decided", decided_on__isnull=False) & ~Q(mode="")),
                violation_error_message="A decided referral has a mode and a decision date.",
            ),
            models.CheckConstraint(
                name="referral_regime_known",
                condition=Q(regime__in=Regime.values),
                violation_error_message="A referral is under one regime or the other.",
            ),
            models.CheckConstraint(
                name="referral_decided_after_received",
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=models.F("received_on")),
                violation_error_message="A decision cannot predate the referral.",
            ),
        ]

    @property
    def is_decided(self) -> bool:
        return self.decided_on is not None

    @property
    def category_labels(self) -> list[str]:
        return [Category(value).label for value in self.categories]

    @property
    def decided_within_target(self) -> bool | None:
        """Whether the first determination met the target; None while undecided."""
        return rules.decided_within_target(self.decided_on, self.decision_due_on)


@pghistory.track()
class Determination(models.Model):
    """One decision on the mode of investigation; all are kept, the first counts for the target."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="determinations")
    mode = models.CharField(max_length=20, choices=Mode.choices)
    decided_on = models.DateField("date of decision")
    reason = models.TextField("reasons for the decision", blank=True)
    # The statutory order (Sch. 3 para. 15(4A)-(4C)): why each mode passed over was not
    # appropriate (cases.referrals.rules.order_reasons_needed says when each is required).
    why_not_local = models.TextField("why a local investigation is not appropriate", blank=True)
    why_not_independent = models.TextField(
        "why a directed investigation is more appropriate than an independent one", blank=True
    )
    decided_by = staff_user_field(related_name="determinations")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.referral_id}: {self.get_mode_display()} on {self.decided_on}"

    @property
    def statutory_order(self) -> list[dict[str, object]]:
        """Each mode considered in the statutory order, whether appropriate, and why."""
        reasons = {
            rules.WHY_NOT_LOCAL: self.why_not_local,
            rules.WHY_NOT_INDEPENDENT: self.why_not_independent,
        }
        return rules.statutory_order(self.mode, self.referral.regime, reasons, self.reason)
