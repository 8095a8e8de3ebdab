from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from oversight.core.admin import ReadOnlyAdmin
from oversight.core.models import NonWorkingDay, Organisation, User, ViewLog


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "local_policing_body", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["local_policing_body"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active", "organisation"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Role", {"fields": ["role", "organisation"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Role", {"fields": ["role", "organisation"]}),
    ]


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    list_display = ["date", "description"]


@admin.register(ViewLog)
class ViewLogAdmin(ReadOnlyAdmin):
    list_display = ["viewed_at", "user", "record_type", "reference", "via_api"]
    list_filter = ["record_type", "via_api"]
    search_fields = ["reference", "user__username"]
    date_hierarchy = "viewed_at"
