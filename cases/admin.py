from django.contrib import admin

from cases.models import Determination, Referral


class DeterminationInline(admin.TabularInline):
    model = Determination
    extra = 0
    readonly_fields = ["mode", "decided_on", "reason", "decided_by", "recorded_at"]
    can_delete = False


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    """Read-only: referrals are changed through the casework pages so that the rules apply."""

    list_display = ["reference", "organisation", "received_on", "status", "mode", "decided_on"]
    list_filter = ["status", "mode", "matter_type"]
    search_fields = ["reference", "force_reference"]
    list_select_related = ["organisation"]
    inlines = [DeterminationInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
