from django.contrib import admin

from appeals.models import Application


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only: applications are changed through the casework pages so that the rules apply."""

    list_display = [
        "reference",
        "organisation",
        "kind",
        "received_on",
        "status",
        "result",
        "decided_on",
    ]
    list_filter = ["kind", "status", "result", "subject", "review_body"]
    search_fields = ["reference", "force_reference"]
    list_select_related = ["organisation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
