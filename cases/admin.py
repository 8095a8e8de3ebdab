from django.contrib import admin

from cases.models import Determination, Investigation, Referral, StatusChange, Subject, Theme
from oversight.core.admin import ReadOnlyAdmin, ReadOnlyInline


class DeterminationInline(ReadOnlyInline):
    model = Determination
    readonly_fields = ["mode", "decided_on", "reason", "decided_by", "recorded_at"]


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    """Read-only: referrals are changed through the casework pages so that the rules apply."""

    list_display = ["reference", "organisation", "received_on", "status", "mode", "decided_on"]
    list_filter = ["status", "mode", "matter_type"]
    search_fields = ["reference", "force_reference"]
    list_select_related = ["organisation"]
    inlines = [DeterminationInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    """The thematic areas offered on investigations: add, rename or retire them here."""

    list_display = ["name", "code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]

    def has_delete_permission(self, request, obj=None):
        # Retire a theme (untick "is active") rather than delete it: past cases keep it.
        return obj is None or not obj.investigations.exists()


class SubjectInline(ReadOnlyInline):
    model = Subject
    fields = ["name", "rank", "collar_number", "organisation", "charging_decision"]
    readonly_fields = fields


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    readonly_fields = ["status", "changed_on", "pause_reason", "note", "changed_by"]


@admin.register(Investigation)
class InvestigationAdmin(ReadOnlyAdmin):
    """Read-only: investigations change through the casework pages so that the rules apply."""

    list_display = ["reference", "referral", "mode", "status", "started_on", "completed_on"]
    list_filter = ["status", "mode", "is_major"]
    search_fields = ["reference", "referral__reference"]
    list_select_related = ["referral"]
    inlines = [StatusChangeInline, SubjectInline]
