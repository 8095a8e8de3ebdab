"""For the schema only: one shape for both roles, with what staff alone receive as optional."""

from rest_framework import serializers

from learning.models import (
    SourceKind,
)
from learning.serializers.fields import SourceKindField
from learning.serializers.reading import (
    LiaisonExtensionSerializer,
    LiaisonResponseSerializer,
    StaffExtensionSerializer,
    StaffRecommendationSerializer,
    StaffResponseSerializer,
)
from learning.serializers.summaries import DETAIL_ONLY_FIELDS


class ResponseSchemaSerializer(StaffResponseSerializer):
    submitted_by = serializers.CharField(required=False, help_text="Staff only.")
    recorded_at = serializers.DateTimeField(required=False, help_text="Staff only.")

    class Meta(StaffResponseSerializer.Meta):
        ref_name = "RecommendationResponse"
        read_only_fields = LiaisonResponseSerializer.Meta.fields


class ExtensionSchemaSerializer(StaffExtensionSerializer):
    granted_by = serializers.CharField(required=False, help_text="Staff only.")
    recorded_at = serializers.DateTimeField(required=False, help_text="Staff only.")

    class Meta(StaffExtensionSerializer.Meta):
        ref_name = "ResponseExtension"
        read_only_fields = LiaisonExtensionSerializer.Meta.fields


STAFF_ONLY_FIELDS = ("source_kind", "source_reference", "owner", "version", "created_at")


class RecommendationSchemaSerializer(StaffRecommendationSerializer):
    """A recommendation as the API returns it. A liaison receives every field except those
    marked “staff only”."""

    recipient = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="The recipient organisation's code (null only on an incomplete draft).",
    )
    responses = ResponseSchemaSerializer(many=True, read_only=True)
    extensions = ExtensionSchemaSerializer(many=True, read_only=True)
    source_kind = SourceKindField(
        choices=SourceKind.choices, required=False, help_text="Staff only."
    )
    source_reference = serializers.CharField(required=False, help_text="Staff only.")
    owner = serializers.CharField(
        required=False,
        allow_null=True,
        help_text="Staff only: the username of the recommendation's owner (null: unallocated).",
    )
    version = serializers.IntegerField(
        required=False, help_text="Staff only: send it back with PATCH (optimistic locking)."
    )
    created_at = serializers.DateTimeField(required=False, help_text="Staff only.")

    class Meta(StaffRecommendationSerializer.Meta):
        ref_name = "Recommendation"
        read_only_fields = [
            f for f in StaffRecommendationSerializer.Meta.fields if f not in STAFF_ONLY_FIELDS
        ]


class RecommendationSummarySchemaSerializer(RecommendationSchemaSerializer):
    """A recommendation as the list returns it: without the responses, planned actions,
    extensions and evidence of implementation, which GET …/<reference>/ gives."""

    planned_actions = responses = extensions = None  # on the detail only

    class Meta(RecommendationSchemaSerializer.Meta):
        ref_name = "RecommendationSummary"
        fields = [
            f for f in RecommendationSchemaSerializer.Meta.fields if f not in DETAIL_ONLY_FIELDS
        ]
        read_only_fields = [
            f
            for f in RecommendationSchemaSerializer.Meta.read_only_fields
            if f not in DETAIL_ONLY_FIELDS
        ]
