"""Serializers of referrals for the REST API: the read representation with its
determinations, and the write input the services take."""

from rest_framework import serializers

from cases.models import Category, Determination, MatterType, Mode, Referral, ReferralType
from cases.referrals.services.details import DETAIL_FIELDS
from oversight.core.api_fields import (
    DateField,
    choice_list,
    enum_field,
    force_field,
    optional_choice,
    optional_date,
    optional_text,
    owner_field,
    version_field,
)
from oversight.core.regime import Regime, RegimeReason

# The 2020 transition, as named enums (referrals and investigations share them).
RegimeField = enum_field("CaseRegime", Regime.choices)
RegimeReasonField = enum_field("CaseRegimeReason", RegimeReason.choices, blank=True)
# Blank until the mode is determined (read-only model fields lose allow_blank).
ReferralModeField = enum_field("ReferralMode", Mode.choices, blank=True)
REGIME_HELP = (
    "Derived, read-only: pre_2020 or post_2020, from first_aware_on (the date the complaint "
    "was made or the matter came to the force's attention; received_on when not given), "
    "unless regime_reason moves it (SI 2020/5 reg. 3). It decides the modes allowed: "
    "supervised and managed only pre_2020, directed only post_2020."
)
REGIME_REASON_HELP = (
    "Why the matter is under a regime other than its date's: linked_to_earlier_matter "
    "(pre_2020), reinvestigation or old_case_direction (post_2020); refused unless it moves "
    "the matter off its date's regime. Blank: the date decides."
)


class StatutoryOrderStepSerializer(serializers.Serializer):
    mode = serializers.CharField()
    appropriate = serializers.BooleanField()
    reason = serializers.CharField()


DECIDED_ON_HELP = (
    "On reading: the date of the first determination, which counts for the 3-working-day "
    "target. On writing (with mode): the date of this determination."
)


class DeterminationSerializer(serializers.ModelSerializer):
    decided_by = serializers.CharField(source="decided_by.username", read_only=True)
    statutory_order = StatutoryOrderStepSerializer(
        many=True,
        read_only=True,
        help_text="Each mode considered in the statutory order (Sch. 3 para. 15(4A)-(4C)): "
        "local first, then independent unless directed is more appropriate; whether it was "
        "found appropriate, and why. Pre-2020, or no investigation: only the mode chosen.",
    )

    class Meta:
        model = Determination
        fields = [
            "mode",
            "decided_on",
            "reason",
            "why_not_local",
            "why_not_independent",
            "statutory_order",
            "decided_by",
            "recorded_at",
        ]
        read_only_fields = fields


class ReferralSerializer(serializers.ModelSerializer):
    owner = owner_field(read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    decided_on = DateField(read_only=True, allow_null=True, help_text=DECIDED_ON_HELP)
    mode = ReferralModeField(choices=Mode.choices, read_only=True)
    decided_within_target = serializers.BooleanField(read_only=True, allow_null=True)
    determinations = DeterminationSerializer(many=True, read_only=True)
    regime = RegimeField(choices=Regime.choices, read_only=True, help_text=REGIME_HELP)
    regime_reason = RegimeReasonField(
        choices=RegimeReason.choices, read_only=True, help_text=REGIME_REASON_HELP
    )

    class Meta:
        model = Referral
        fields = [
            "reference",
            *DETAIL_FIELDS,
            "regime",
            "status",
            "mode",
            "decided_on",
            "decision_due_on",
            "decided_within_target",
            "determinations",
            "owner",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ReferralWriteSerializer(serializers.Serializer):
    owner = owner_field()
    organisation = force_field()
    received_on = DateField()
    matter_type = serializers.ChoiceField(choices=MatterType.choices)
    referral_type = serializers.ChoiceField(
        choices=ReferralType.choices,
        help_text="A dsi matter is always mandatory (Sch. 3 para. 14C), never voluntary. "
        "called_in: the oversight body treats the matter as referred (paras 4A, 13A, 14CA).",
    )
    categories = choice_list(Category.choices)
    summary = serializers.CharField(max_length=10000)
    force_reference = optional_text(max_length=60)
    first_aware_on = optional_date(
        help_text="The date the complaint was made or the matter came to the force's "
        "attention: it decides the regime and the 12-month notices."
    )
    regime_reason = optional_choice(RegimeReason.choices, help_text=REGIME_REASON_HELP)
    mode = optional_choice(Mode.choices)
    decided_on = optional_date(help_text=DECIDED_ON_HELP)
    reason = optional_text()
    why_not_local = optional_text(
        help_text="With mode independent or directed (post_2020): why a local investigation "
        "is not appropriate (Sch. 3 para. 15(4A)). Required then, refused otherwise."
    )
    why_not_independent = optional_text(
        help_text="With mode directed (post_2020): why directed is more appropriate than "
        "independent (para. 15(4B)-(4C)). Required then, refused otherwise."
    )


class ReferralUpdateSerializer(ReferralWriteSerializer):
    version = version_field()
