"""API serializers, one set per role, each naming its fields. They shape input and output;
the services apply the rules."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning import rules
from learning.models import (
    PlannedAction,
    ReceivedVia,
    Recommendation,
    RecommendationResponse,
    RecommendationStatus,
    RecommendationType,
    ResponseExtension,
    ResponseStatus,
    SourceKind,
)
from oversight.core.models import Organisation

SOURCE_HELP = (
    "The reference of the investigation (INV-…) or application (appeal APP-…, review REV-…) "
    "the recommendation came from, or “thematic”."
)
TYPE_HELP = "policy_guidance, training, legislation, record_management, equipment or other."
DUE_HELP = (
    "Statutory recommendations only: the end of 56 days beginning with the issue day "
    "(issued_on + 55 days), later if the oversight body granted an extension."
)
OVERDUE_HELP = "Statutory, unanswered, and the response due date has passed."


def _today(serializer):
    return serializer.context["today"]


def _enum(name: str, choices) -> type[serializers.ChoiceField]:
    """A choice field documented as the named enum component `name`, so that this app's
    `status` and `type` never collide in the schema with other apps' fields of those names."""
    schema = {
        "type": "string",
        "enum": [value for value, _ in choices],
        "description": "\n".join(f"* `{value}` - {label}" for value, label in choices),
    }
    field = type(f"{name}Field", (serializers.ChoiceField,), {})
    return extend_schema_field(schema, component_name=name)(field)


CREATE_STATUSES = [
    (RecommendationStatus.DRAFT, "Draft"),
    (RecommendationStatus.ISSUED, "Issued"),
]
StatusField = _enum("RecommendationStatusEnum", RecommendationStatus.choices)
CreateStatusField = _enum("RecommendationCreateStatusEnum", CREATE_STATUSES)
ResponseStatusField = _enum("RecommendationResponseStatusEnum", ResponseStatus.choices)
TypeField = _enum("RecommendationTypeEnum", RecommendationType.choices)
SourceKindField = _enum("RecommendationSourceKindEnum", SourceKind.choices)
ReceivedViaField = _enum("ResponseReceivedViaEnum", ReceivedVia.choices)


# Read: shared by both roles ---------------------------------------------------------------


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
            "publication_declined",
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
    type = TypeField(choices=RecommendationType.choices, read_only=True, help_text=TYPE_HELP)
    status = StatusField(choices=RecommendationStatus.choices, read_only=True)
    response_due_on = serializers.DateField(read_only=True, allow_null=True, help_text=DUE_HELP)
    is_overdue = serializers.SerializerMethodField(help_text=OVERDUE_HELP)
    can_respond = serializers.SerializerMethodField(
        help_text="Whether a response can be submitted now (none yet, or only an interim one)."
    )
    response = serializers.CharField(
        read_only=True, help_text="The text of the current (latest) response."
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
            "theme",
            "type",
            "text",
            "is_statutory",
            "status",
            "issued_on",
            "response_due_on",
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

    class Meta(LiaisonRecommendationSerializer.Meta):
        fields = [
            *LiaisonRecommendationSerializer.Meta.fields,
            "source_kind",
            "source_reference",
            "version",
            "created_at",
        ]
        read_only_fields = fields


# Lists: a summary of each recommendation, built from the plain rows of
# learning.selectors.recommendation_summaries. The responses, their planned actions and the
# extensions are on the recommendation itself (GET …/<reference>/). A page of 50 is the
# busiest read of the API (every force's systems poll it), so its items are plain dicts
# rather than 50 serializer instances; a test holds them equal to the detail's fields.

DETAIL_ONLY_FIELDS = ("planned_actions", "responses", "extensions", "implementation_evidence")


def _timestamp(value) -> str:
    """As DRF's DateTimeField writes it (ISO 8601 in the current time zone, UTC as Z), at a
    fraction of the cost for a page of rows."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def recommendation_summary(row: dict, *, today, staff: bool) -> dict:
    """One list item, in the order and format of the detail serializers' fields."""

    def day(value):
        return value.isoformat() if value is not None else None

    item = {
        "reference": row["reference"],
        "recipient": row["recipient_code"],
        "recipient_name": row["recipient_name"] or "",
        "source": row["source_reference"] or rules.THEMATIC,
        "theme": row["theme"],
        "type": row["type"],
        "text": row["text"],
        "is_statutory": row["is_statutory"],
        "status": row["status"],
        "issued_on": day(row["issued_on"]),
        "response_due_on": day(row["response_due_on"]),
        "is_overdue": rules.is_overdue(
            status=row["status"],
            is_statutory=row["is_statutory"],
            responded_on=row["responded_on"],
            due_on=row["response_due_on"],
            today=today,
        ),
        "can_respond": rules.can_respond(row["status"], row["current_response_final"]),
        "responded_on": day(row["responded_on"]),
        "response": row["response"],
        "response_final": row["current_response_final"],
        "implemented_on": day(row["implemented_on"]),
        "updated_at": _timestamp(row["updated_at"]),
    }
    if staff:
        item |= {
            "source_kind": row["source_kind"],
            "source_reference": row["source_reference"],
            "version": row["version"],
            "created_at": _timestamp(row["created_at"]),
        }
    return item


# For the schema only: one shape for both roles, with what staff alone receive as optional.


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


STAFF_ONLY_FIELDS = ("source_kind", "source_reference", "version", "created_at")


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
    version = serializers.IntegerField(
        required=False, help_text="Staff only: send it back with PATCH (optimistic locking)."
    )
    created_at = serializers.DateTimeField(required=False, help_text="Staff only.")

    class Meta(StaffRecommendationSerializer.Meta):
        ref_name = "Recommendation"
        read_only_fields = [
            f for f in StaffRecommendationSerializer.Meta.fields if f not in STAFF_ONLY_FIELDS
        ]


# Write -----------------------------------------------------------------------------------


class SourceField(serializers.CharField):
    """“thematic”, or an INV-/APP-/REV- reference; becomes (source_kind, source_reference)."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data).strip()
        if value.lower() == rules.THEMATIC:
            return rules.THEMATIC, ""
        try:
            return rules.source_kind_of(value.upper()), value.upper()
        except rules.SourceReferenceError:
            raise serializers.ValidationError(
                f"“{value}” is not a source: give “thematic” or an investigation (INV-2024-000123)"
                " or application (APP-… or REV-…) reference."
            ) from None

    def to_representation(self, value):
        return value


class RecommendationWriteSerializer(serializers.Serializer):
    recipient = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="The recipient organisation's code; required to issue.",
        error_messages={"does_not_exist": "No organisation has the code “{value}”."},
    )
    source = SourceField(help_text=SOURCE_HELP)
    theme = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    type = TypeField(
        choices=RecommendationType.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=TYPE_HELP,
    )
    text = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    is_statutory = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Made under paragraph 28A of Schedule 3 to the Police Reform Act 2002.",
    )

    def validate(self, attrs):
        if "source" in attrs:
            attrs["source_kind"], attrs["source_reference"] = attrs.pop("source")
        return attrs


class RecommendationCreateSerializer(RecommendationWriteSerializer):
    status = CreateStatusField(
        choices=CREATE_STATUSES,
        required=False,
        default=RecommendationStatus.DRAFT,
        help_text="draft, or issued to issue it at once (recipient, theme, type and text needed).",
    )
    issued_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="When issuing; defaults to today."
    )


class RecommendationUpdateSerializer(RecommendationWriteSerializer):
    """A draft's fields; only drafts can be changed."""

    version = serializers.IntegerField(
        help_text="The version you read; the change is refused with 409 if it has changed since."
    )


class IssueSerializer(serializers.Serializer):
    issued_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Defaults to today."
    )
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class PlannedActionWriteSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=5000)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)


class ResponseWriteSerializer(serializers.Serializer):
    status = ResponseStatusField(
        choices=ResponseStatus.choices,
        help_text="accepted, partially_accepted or not_accepted.",
        error_messages={
            "invalid_choice": "“{input}” is not an answer: use accepted, partially_accepted "
            "or not_accepted."
        },
    )
    response = serializers.CharField(max_length=20000, help_text="The organisation's response.")
    responded_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Defaults to today."
    )
    planned_actions = PlannedActionWriteSerializer(many=True, required=False, default=list)
    final = serializers.BooleanField(
        required=False,
        default=True,
        help_text="false for an interim response, to be followed by the final one.",
    )
    do_not_publish = serializers.BooleanField(
        required=False,
        default=False,
        help_text="The organisation asks in writing that this response not be published.",
    )


# Public feed -----------------------------------------------------------------------------


class PublicResponseSerializer(serializers.ModelSerializer):
    status = ResponseStatusField(choices=ResponseStatus.choices, read_only=True)
    response = serializers.CharField(source="text", read_only=True)
    responded_on = serializers.DateField(source="received_on", read_only=True)
    planned_actions = PlannedActionSerializer(source="actions", many=True, read_only=True)

    class Meta:
        model = RecommendationResponse
        fields = ["status", "response", "responded_on", "published_on", "planned_actions"]
        read_only_fields = fields


class PublicRecommendationSerializer(serializers.ModelSerializer):
    """An issued recommendation and its latest published response, for anyone to read."""

    recipient = serializers.SlugRelatedField(slug_field="code", read_only=True)
    recipient_name = serializers.CharField(source="recipient.name", read_only=True)
    source_kind = SourceKindField(choices=SourceKind.choices, read_only=True)
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
            "theme",
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
