"""The recommendation API's fields: named enums, the source field and the help texts."""

from rest_framework import serializers

from learning import rules
from learning.models import (
    ReceivedVia,
    RecommendationStatus,
    RecommendationType,
    ResponseStatus,
    SourceKind,
)
from oversight.core.api_fields import enum_field

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


CREATE_STATUSES = [
    (RecommendationStatus.DRAFT, "Draft"),
    (RecommendationStatus.ISSUED, "Issued"),
]


StatusField = enum_field("RecommendationStatusEnum", RecommendationStatus.choices)


CreateStatusField = enum_field("RecommendationCreateStatusEnum", CREATE_STATUSES)


ResponseStatusField = enum_field("RecommendationResponseStatusEnum", ResponseStatus.choices)


TypeField = enum_field("RecommendationTypeEnum", RecommendationType.choices)


SourceKindField = enum_field("RecommendationSourceKindEnum", SourceKind.choices)


ReceivedViaField = enum_field("ResponseReceivedViaEnum", ReceivedVia.choices)


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
