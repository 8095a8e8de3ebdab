from django.contrib import admin

from learning.models import (
    PlannedAction,
    Recommendation,
    RecommendationResponse,
    ResponseExtension,
)
from oversight.core.admin import ReadOnlyAdmin, ReadOnlyInline


class ResponseInline(ReadOnlyInline):
    model = RecommendationResponse
    fields = readonly_fields = [
        "status",
        "received_on",
        "is_final",
        "received_via",
        "representations",
        "publication_decision",
        "publication_decided_on",
        "publish_by",
        "published_on",
        "submitted_by",
    ]


class ExtensionInline(ReadOnlyInline):
    model = ResponseExtension
    fields = readonly_fields = ["requested_on", "previous_due_on", "new_due_on", "granted_by"]


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnlyAdmin):
    """Read-only: recommendations change through the casework pages so that the rules apply."""

    list_display = ["reference", "recipient", "theme", "type", "status", "issued_on"]
    list_filter = ["status", "type", "is_statutory", "source_kind", "theme"]
    search_fields = ["reference", "source_reference", "theme__name", "theme_text"]
    list_select_related = ["recipient", "theme"]
    inlines = [ResponseInline, ExtensionInline]


@admin.register(PlannedAction)
class PlannedActionAdmin(ReadOnlyAdmin):
    list_display = ["response", "description", "due_on"]
