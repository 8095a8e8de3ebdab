from django.contrib import admin

from appeals.models import Application
from oversight.core.admin import ReadOnlyAdmin


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
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
