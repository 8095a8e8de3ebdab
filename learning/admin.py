from django.contrib import admin

from learning.models import (
    PlannedAction,
    Recommendation,
    RecommendationResponse,
    ResponseExtension,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ResponseInline(ReadOnlyInline):
    model = RecommendationResponse
    fields = readonly_fields = [
        "status",
        "received_on",
        "is_final",
        "received_via",
        "publication_declined",
        "publish_by",
        "published_on",
        "submitted_by",
    ]


class ExtensionInline(ReadOnlyInline):
    model = ResponseExtension
    fields = readonly_fields = ["requested_on", "previous_due_on", "new_due_on", "granted_by"]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    """Read-only: recommendations change through the casework pages so that the rules apply."""

    list_display = ["reference", "recipient", "theme", "type", "status", "issued_on"]
    list_filter = ["status", "type", "is_statutory", "source_kind"]
    search_fields = ["reference", "source_reference", "theme"]
    list_select_related = ["recipient"]
    inlines = [ResponseInline, ExtensionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PlannedAction)
class PlannedActionAdmin(admin.ModelAdmin):
    list_display = ["response", "description", "due_on"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
