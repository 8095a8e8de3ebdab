"""Serializers of referrals for the REST API: the read representation with its
determinations, and the write input the services take."""

from rest_framework import serializers

from cases.models import Category, Determination, MatterType, Mode, Referral, ReferralType
from cases.referrals.services.details import DETAIL_FIELDS
from oversight.core.api_fields import (
    choice_list,
    force_field,
    optional_choice,
    optional_date,
    optional_text,
    version_field,
)

DECIDED_ON_HELP = (
    "On reading: the date of the first determination, which counts for the 3-working-day "
    "target. On writing (with mode): the date of this determination."
)


class DeterminationSerializer(serializers.ModelSerializer):
    decided_by = serializers.CharField(source="decided_by.username", read_only=True)

    class Meta:
        model = Determination
        fields = ["mode", "decided_on", "reason", "decided_by", "recorded_at"]
        read_only_fields = fields


class ReferralSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    decided_on = serializers.DateField(read_only=True, help_text=DECIDED_ON_HELP)
    decided_within_target = serializers.BooleanField(read_only=True, allow_null=True)
    determinations = DeterminationSerializer(many=True, read_only=True)

    class Meta:
        model = Referral
        fields = [
            "reference",
            *DETAIL_FIELDS,
            "status",
            "mode",
            "decided_on",
            "decision_due_on",
            "decided_within_target",
            "determinations",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ReferralWriteSerializer(serializers.Serializer):
    organisation = force_field()
    received_on = serializers.DateField()
    matter_type = serializers.ChoiceField(choices=MatterType.choices)
    referral_type = serializers.ChoiceField(choices=ReferralType.choices)
    categories = choice_list(Category.choices)
    summary = serializers.CharField(max_length=10000)
    force_reference = optional_text(max_length=60)
    first_aware_on = optional_date()
    mode = optional_choice(Mode.choices)
    decided_on = optional_date(help_text=DECIDED_ON_HELP)
    reason = optional_text()


class ReferralUpdateSerializer(ReferralWriteSerializer):
    version = version_field()
