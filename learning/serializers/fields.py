"""The recommendation API's fields: named enums, the source field and the help texts."""

from rest_framework import serializers

from learning import rules, selectors
from learning.models import (
    ReceivedVia,
    RecommendationStatus,
    RecommendationType,
    ResponseStatus,
    SourceKind,
)
from learning.services import messages
from oversight.core.api_fields import enum_field

SOURCE_HELP = (
    "The reference of the investigation (INV-…) or application (appeal APP-…, review REV-…) "
    "the recommendation came from, or “thematic”."
)


THEME_HELP = (
    "The thematic area's name (one of an editable list, for example “Use of Taser”); "
    "theme_code gives its code."
)


THEME_WRITE_HELP = (
    "The thematic area's code, for example use_of_taser (its exact name, in any case, is "
    "accepted too); one of the active themes. Required to issue."
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


TypeField = enum_field("RecommendationTypeEnum", RecommendationType.choices, blank=True)


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


class ThemeField(serializers.CharField):
    """A thematic area by its code (or its name, in any case); becomes the Theme, or None when
    left blank. One that names no theme is a field error: themes are never free text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", THEME_WRITE_HELP)
        super().__init__(required=False, allow_blank=True, allow_null=True, default=None, **kwargs)

    def run_validation(self, data=serializers.empty):
        return super().run_validation(data) or None  # blank clears the theme

    def to_internal_value(self, data):
        theme = selectors.theme_for_input(super().to_internal_value(data))
        if theme is None:
            raise serializers.ValidationError(messages.THEME_NOT_LISTED)
        return theme
