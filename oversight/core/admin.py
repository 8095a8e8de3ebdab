"""What the apps' admin pages share: case records are read there, never changed.

A case record changes only through the casework pages and the API, so that its rules, its
version check and its audit context apply; the admin shows it to administrators.
"""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record administrators may read but not add, change or delete."""

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
