"""Investigation list filters, shared by the list page, the CSV export and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from cases.investigations import rules, selectors
from cases.models import INVESTIGATION_MODES, Investigation, InvestigationStatus, Subject, Theme
from oversight.core.filters import (
    CaseFilterSet,
    FinancialYearFilter,
    date_range,
    force_filter,
    select_flag,
    sort_by,
)

SCOPE_CHOICES = [("core", "Core only (not major)"), ("major", "Major only")]
YES_ONLY = [("", "Any"), ("true", "Yes"), ("false", "No")]


class InvestigationFilter(CaseFilterSet):
    layout = (
        ("q", "status", "open", "mode"),
        ("theme", "organisation", "lead", "mine"),
        ("scope", "age_band", "at_risk", "notice_needed"),
        ("owner", "financial_year", "ordering"),
    )
    layout_columns = "one-quarter"
    default_ordering = ("-started_on",)

    q = django_filters.CharFilter(
        method="search",
        label="Reference or name",
        help_text="An investigation or referral reference, a name or a collar number",
    )
    status = django_filters.ChoiceFilter(
        choices=InvestigationStatus.choices, empty_label="Any status"
    )
    open = select_flag(
        "Open or completed",
        [("", "Open and completed"), ("true", "Open"), ("false", "Completed")],
        method="filter_open",
    )
    mode = django_filters.ChoiceFilter(
        choices=[(m.value, m.label) for m in INVESTIGATION_MODES], empty_label="Any mode"
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes",
        queryset=Theme.objects.order_by("name"),
        to_field_name="code",
        label="Theme",
        empty_label="Any theme",
    )
    organisation = force_filter("referral__organisation")
    lead = django_filters.ModelChoiceFilter(
        field_name="lead_investigator",
        queryset=selectors.lead_investigators_for_choice(),
        to_field_name="username",
        label="Lead investigator",
        empty_label="Anyone",
    )
    mine = select_flag(
        "My cases", [("", "Everyone's"), ("true", "Mine only")], method="filter_mine"
    )
    scope = django_filters.ChoiceFilter(
        method="filter_scope",
        choices=SCOPE_CHOICES,
        label="Major or core",
        empty_label="Core and major",
    )
    is_major = django_filters.BooleanFilter(widget=forms.Select(choices=YES_ONLY))
    age_band = django_filters.ChoiceFilter(
        method="filter_age_band",
        choices=list(rules.AGE_BANDS.items()),
        label="Age (open only)",
        empty_label="Any age",
    )
    at_risk = select_flag(
        "At risk of missing 12 months",
        [("", "Any"), ("true", "At risk only")],
        method="filter_at_risk",
    )
    notice_needed = select_flag(
        "Statutory notice needed now",
        [("", "Any"), ("true", "Needed now")],
        method="filter_notice_needed",
    )
    financial_year = FinancialYearFilter(
        field_name="completed_on", label="Financial year completed"
    )
    started_from, started_to = date_range("started_on")
    ordering = sort_by(
        "started_on",
        "completed_on",
        "reference",
        ("referral__organisation__name", "force"),
        labels={"started_on": "Oldest first", "-started_on": "Newest first"},
        empty_label="Newest first",
    )

    class Meta(CaseFilterSet.Meta):
        model = Investigation

    def search_for(self, queryset, value):
        # One set of ids from three searches, each served by its own index, rather than an
        # OR across joined tables, which no index can serve.
        matches = (
            Investigation.objects.filter(reference__icontains=value)
            .values("pk")
            .union(
                Investigation.objects.filter(referral__reference__icontains=value).values("pk"),
                Subject.objects.filter(name__icontains=value).values("investigation_id"),
                Subject.objects.filter(collar_number__iexact=value).values("investigation_id"),
            )
        )
        return queryset.filter(pk__in=matches)

    def filter_open(self, queryset, name, value):
        if value is None:
            return queryset
        completed = Q(status=InvestigationStatus.COMPLETED)
        return queryset.exclude(completed) if value else queryset.filter(completed)

    def filter_mine(self, queryset, name, value):
        if not value or self.request is None:
            return queryset
        return queryset.filter(lead_investigator=self.request.user)

    def filter_scope(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(is_major=value == "major")

    def filter_age_band(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(selectors.age_band_q(value, timezone.localdate()))

    def filter_at_risk(self, queryset, name, value):
        if value is None:
            return queryset
        condition = selectors.at_risk_q(timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_notice_needed(self, queryset, name, value):
        if value is None:
            return queryset
        condition = selectors.notice_needed_q(timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)
