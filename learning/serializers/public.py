"""The public feed: issued recommendations and their latest published response."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.models import (
    PublicationDecision,
    Recommendation,
    RecommendationResponse,
    RecommendationType,
    ResponseStatus,
    SourceKind,
)
from learning.serializers.fields import (
    DUE_HELP,
    THEME_HELP,
    TYPE_HELP,
    ResponseStatusField,
    SourceKindField,
    TypeField,
)
from learning.serializers.reading import PlannedActionSerializer


class PublicResponseSerializer(serializers.ModelSerializer):
    status = ResponseStatusField(choices=ResponseStatus.choices, read_only=True)
    # Only the parts decided on when the decision was to publish in part (28B(7)).
    response = serializers.CharField(source="public_text", read_only=True)
    responded_on = serializers.DateField(source="received_on", read_only=True)
    planned_actions = serializers.SerializerMethodField(
        help_text="Empty when the response was published in part."
    )

    class Meta:
        model = RecommendationResponse
        fields = ["status", "response", "responded_on", "published_on", "planned_actions"]
        read_only_fields = fields

    @extend_schema_field(PlannedActionSerializer(many=True))
    def get_planned_actions(self, obj):
        if obj.publication_decision == PublicationDecision.IN_PART:
            return []
        return PlannedActionSerializer(obj.actions.all(), many=True).data


class PublicRecommendationSerializer(serializers.ModelSerializer):
    """An issued recommendation and its latest published response, for anyone to read."""

    recipient = serializers.SlugRelatedField(slug_field="code", read_only=True)
    recipient_name = serializers.CharField(source="recipient.name", read_only=True)
    source_kind = SourceKindField(choices=SourceKind.choices, read_only=True)
    theme = serializers.CharField(source="theme_label", read_only=True, help_text=THEME_HELP)
    theme_code = serializers.SlugRelatedField(
        source="theme", slug_field="code", read_only=True, allow_null=True
    )
    type = TypeField(choices=RecommendationType.choices, read_only=True, help_text=TYPE_HELP)
    response_due_on = serializers.DateField(read_only=True, allow_null=True, help_text=DUE_HELP)
    response_received = serializers.SerializerMethodField(
        help_text="Whether the recipient has responded (the response may not be published yet)."
    )
    published_response = serializers.SerializerMethodField(
        help_text="The latest published response; null until one is published."
    )

    class Meta:
        model = Recommendation
        fields = [
            "reference",
            "recipient",
            "recipient_name",
            "source_kind",
            "kind",
            "theme",
            "theme_code",
            "type",
            "text",
            "is_statutory",
            "issued_on",
            "response_due_on",
            "response_received",
            "published_response",
        ]
        read_only_fields = fields

    def get_response_received(self, obj) -> bool:
        return obj.responded_on is not None

    @extend_schema_field(PublicResponseSerializer(allow_null=True))
    def get_published_response(self, obj):
        published = obj.published_responses
        return PublicResponseSerializer(published[-1]).data if published else None
