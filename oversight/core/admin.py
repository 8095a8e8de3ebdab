"""What the apps' admin pages share: case records are read there, never changed.

A case record changes only through the casework pages and the API, so that its rules, its
version check and its audit context apply; the admin shows it to administrators.
"""

from django.contrib import admin

from oversight.core.models import ViewLog
from oversight.core.services import view_log_list, view_log_record


class ViewLoggedAdmin(admin.ModelAdmin):
    """The admin's pages of a case record are reads of it, logged as the casework pages'
    are (DPA 2018 s.62): its change page and its history, one row each; the list, one row
    with the filter and the rows shown. Logged from the page's context: no extra look-up."""

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if request.method == "GET" and changelist is not None:
            view_log_list(
                user=request.user,
                model=self.model,
                query=request.GET.urlencode(),
                row_count=len(changelist.result_list),
                kind=ViewLog.Kind.ADMIN,
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        self._log_read(request, getattr(response, "context_data", {}).get("original"))
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        self._log_read(request, getattr(response, "context_data", {}).get("object"))
        return response

    def _log_read(self, request, record) -> None:
        if request.method == "GET" and record is not None:
            view_log_record(user=request.user, record=record, kind=ViewLog.Kind.ADMIN)


class ReadOnlyAdmin(ViewLoggedAdmin):
    """A record administrators may read but not add, change or delete (each read logged)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    """The rows beside a read-only record, shown as they are."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
