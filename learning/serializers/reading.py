"""What each role reads of a recommendation, its responses and extensions: one serializer per
role, each naming its fields."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.models import (
    PlannedAction,
    ReceivedVia,
    Recommendation,
    RecommendationResponse,
    RecommendationStatus,
    RecommendationType,
    ResponseExtension,
    ResponseStatus,
)
from learning.serializers.fields import (
    DUE_HELP,
    OVERDUE_HELP,
    SOURCE_HELP,
    THEME_HELP,
    TYPE_HELP,
    ReceivedViaField,
    ResponseStatusField,
    StatusField,
    TypeField,
    _today,
)
from oversight.core.api_fields import owner_field


class PlannedActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlannedAction
        fields = ["description", "due_on"]
        read_only_fields = fields


class LiaisonResponseSerializer(serializers.ModelSerializer):
    status = ResponseStatusField(choices=ResponseStatus.choices, read_only=True)
    received_via = ReceivedViaField(choices=ReceivedVia.choices, read_only=True)
    response = serializers.CharField(source="text", read_only=True)
    responded_on = serializers.DateField(source="received_on", read_only=True)
    final = serializers.BooleanField(source="is_final", read_only=True)
    planned_actions = PlannedActionSerializer(source="actions", many=True, read_only=True)

    class Meta:
        model = RecommendationResponse
        fields = [
            "status",
            "response",
            "responded_on",
            "final",
            "received_via",
            "planned_actions",
            "representations",
            "publication_decision",
            "publication_decided_on",
            "publish_by",
            "published_on",
        ]
        read_only_fields = fields


class StaffResponseSerializer(LiaisonResponseSerializer):
    submitted_by = serializers.CharField(source="submitted_by.username", read_only=True)

    class Meta(LiaisonResponseSerializer.Meta):
        fields = [*LiaisonResponseSerializer.Meta.fields, "submitted_by", "recorded_at"]
        read_only_fields = fields


class LiaisonExtensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResponseExtension
        fields = ["requested_on", "previous_due_on", "new_due_on", "reason"]
        read_only_fields = fields


class StaffExtensionSerializer(LiaisonExtensionSerializer):
    granted_by = serializers.CharField(source="granted_by.username", read_only=True)

    class Meta(LiaisonExtensionSerializer.Meta):
        fields = [*LiaisonExtensionSerializer.Meta.fields, "granted_by", "recorded_at"]
        read_only_fields = fields


class LiaisonRecommendationSerializer(serializers.ModelSerializer):
    """What the recipient's liaison reads: the recommendation, its deadlines and the answers."""

    recipient = serializers.SlugRelatedField(slug_field="code", read_only=True)
    recipient_name = serializers.CharField(source="recipient.name", read_only=True, default="")
    source = serializers.CharField(read_only=True, help_text=SOURCE_HELP)
    theme = serializers.CharField(source="theme_label", read_only=True, help_text=THEME_HELP)
    theme_code = serializers.SlugRelatedField(
        source="theme",
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="The thematic area's code, for example use_of_taser; null if none (or only "
        "a legacy free-text theme).",
    )
    type = TypeField(choices=RecommendationType.choices, read_only=True, help_text=TYPE_HELP)
    status = StatusField(choices=RecommendationStatus.choices, read_only=True)
    response_due_on = serializers.DateField(read_only=True, allow_null=True, help_text=DUE_HELP)
    is_overdue = serializers.SerializerMethodField(help_text=OVERDUE_HELP)
    can_respond = serializers.SerializerMethodField(
        help_text="Whether a response can be submitted now (none yet, or only an interim one)."
    )
    response = serializers.CharField(
        read_only=True,
        help_text=(
            "The text of the final response; an interim reply (in `responses`) is not the "
            "response paragraph 28B(2) requires."
        ),
    )
    response_final = serializers.SerializerMethodField(
        help_text="Whether the current response is final; null before any response."
    )
    planned_actions = serializers.SerializerMethodField(
        help_text="The planned actions of the current response."
    )
    responses = LiaisonResponseSerializer(many=True, read_only=True)
    extensions = LiaisonExtensionSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "reference",
            "recipient",
            "recipient_name",
            "source",
            "kind",
            "theme",
            "theme_code",
            "type",
            "text",
            "is_statutory",
            "status",
            "issued_on",
            "response_due_on",
            "judicial_review_started_on",
            "judicial_review_ended_on",
            "is_overdue",
            "can_respond",
            "responded_on",
            "response",
            "response_final",
            "planned_actions",
            "responses",
            "extensions",
            "implemented_on",
            "implementation_evidence",
            "updated_at",
        ]
        read_only_fields = fields

    def get_is_overdue(self, obj) -> bool:
        return obj.is_overdue(_today(self))

    def get_can_respond(self, obj) -> bool:
        return obj.can_be_answered

    def get_response_final(self, obj) -> bool | None:
        current = obj.current_response
        return current.is_final if current else None

    @extend_schema_field(PlannedActionSerializer(many=True))
    def get_planned_actions(self, obj):
        current = obj.current_response
        return PlannedActionSerializer(current.actions.all(), many=True).data if current else []


class StaffRecommendationSerializer(LiaisonRecommendationSerializer):
    """What casework staff read: everything, including drafts and who recorded what."""

    recipient = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    responses = StaffResponseSerializer(many=True, read_only=True)
    extensions = StaffExtensionSerializer(many=True, read_only=True)
    owner = owner_field(read_only=True)

    class Meta(LiaisonRecommendationSerializer.Meta):
        fields = [
            *LiaisonRecommendationSerializer.Meta.fields,
            "source_kind",
            "source_reference",
            "owner",
            "version",
            "created_at",
        ]
        read_only_fields = fields
