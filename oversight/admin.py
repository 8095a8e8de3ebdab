from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from oversight.core.admin import ReadOnlyAdmin
from oversight.core.models import NonWorkingDay, Organisation, User, ViewLog
from oversight.core.signin.services import two_factor_reset


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
    actions = ["reset_two_factor"]

    @admin.action(description="Reset two-factor sign-in (lost phone)", permissions=["change"])
    def reset_two_factor(self, request, queryset):
        """The selected people set up two-factor sign-in again at their next sign-in; in the
        history with the administrator who did it."""
        for user in queryset:
            two_factor_reset(user=user, by=request.user.username)
        self.message_user(
            request,
            f"Two-factor sign-in reset for {len(queryset)} user(s): each sets it up again "
            "when they next sign in.",
            messages.SUCCESS,
        )


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    list_display = ["date", "description"]


@admin.register(ViewLog)
class ViewLogAdmin(ReadOnlyAdmin):
    list_display = [
        "viewed_at",
        "user",
        "kind",
        "record_type",
        "reference",
        "query",
        "row_count",
        "via_api",
    ]
    list_filter = ["kind", "record_type", "via_api"]
    search_fields = ["reference", "user__username"]
    date_hierarchy = "viewed_at"


# Who may do what, in the audit history (pghistory's triggers): users' role, organisation and
# activity, password changes (whose, when: never the hash) and API tokens created and revoked.
class AccountEventAdmin(ReadOnlyAdmin):
    date_hierarchy = "pgh_created_at"
    list_filter = ["pgh_label"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("pgh_context")

    @admin.display(description="by")
    def acting_user(self, event):
        context = event.pgh_context.metadata if event.pgh_context_id else {}
        return context.get("user") or "—"


@admin.register(apps.get_model("oversight", "UserEvent"))
class UserEventAdmin(AccountEventAdmin):
    list_display = [
        "pgh_created_at",
        "pgh_label",
        "username",
        "role",
        "organisation",
        "is_active",
        "email",
        "first_name",
        "last_name",
        "acting_user",
    ]
    search_fields = ["username", "email"]


@admin.register(apps.get_model("oversight", "UserPasswordEvent"))
class UserPasswordEventAdmin(AccountEventAdmin):
    list_display = ["pgh_created_at", "pgh_label", "username", "acting_user"]
    search_fields = ["username"]


@admin.register(apps.get_model("oversight", "TwoFactorEvent"))
class TwoFactorEventAdmin(AccountEventAdmin):
    list_display = ["pgh_created_at", "pgh_label", "user", "name", "acting_user", "reset_by"]
    search_fields = ["user__username"]

    @admin.display(description="reset by")
    def reset_by(self, event):
        context = event.pgh_context.metadata if event.pgh_context_id else {}
        return context.get("two_factor_reset_by") or "—"


@admin.register(apps.get_model("oversight", "APITokenEvent"))
class APITokenEventAdmin(AccountEventAdmin):
    list_display = ["pgh_created_at", "pgh_label", "user", "created", "expiry", "acting_user"]
    search_fields = ["user__username"]
