"""Recommendation list filters, shared by the list page, the CSV export and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from learning import selectors
from learning.models import Recommendation, RecommendationStatus, RecommendationType, SourceKind
from oversight.core.filters import (
    CaseFilterSet,
    FilterLayoutMixin,
    FinancialYearFilter,
    StableOrderingMixin,
    select_flag,
    sort_by,
)
from oversight.core.forms import OVERDUE_CHOICES, GovukFilterForm
from oversight.core.models import Organisation


def recipient_filter(**extra) -> django_filters.ModelChoiceFilter:
    """The organisation a recommendation is addressed to, by code (a force or a national body)."""
    return django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(),
        to_field_name="code",
        label="Recipient",
        empty_label="All recipients",
        **extra,
    )


def theme_filter(**extra) -> django_filters.CharFilter:
    """The thematic area, by its code (or its name), in any case."""
    return django_filters.CharFilter(method="filter_theme", label="Theme", **extra)


class ThemeChoicesMixin:
    """On pages, the theme filter offers the thematic areas (`themes`, by code) rather than a
    free-text box; a value asked for that is not among them stays on offer."""

    def __init__(self, *args, themes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if themes is not None:
            current = self.data.get("theme", "") if self.data else ""
            options = [(theme.code, theme.name) for theme in themes]
            if current and current not in {code for code, _ in options}:
                options.append((current, current))
            self.filters["theme"].extra["widget"] = forms.Select(
                choices=[("", "Any theme"), *options]
            )

    def filter_theme(self, queryset, name, value):
        return queryset.filter(selectors.theme_filter_q(value)) if value.strip() else queryset


class RecommendationFilter(ThemeChoicesMixin, CaseFilterSet):
    layout = (
        ("q", "recipient", "status"),
        ("theme", "type", "source"),
        ("owner", "financial_year", "overdue"),
        ("ordering",),
    )
    default_ordering = ("-issued_on",)
    recipient = recipient_filter(
        help_text="The organisation's code, for example hertfordshire-constabulary."
    )
    status = django_filters.ChoiceFilter(
        choices=RecommendationStatus.choices, empty_label="Any status"
    )
    theme = theme_filter(
        help_text="The thematic area's code, for example use_of_taser (or its name), in any case."
    )
    type = django_filters.ChoiceFilter(
        choices=RecommendationType.choices, empty_label="Any type", label="Type"
    )
    source = django_filters.ChoiceFilter(
        field_name="source_kind",
        choices=SourceKind.choices,
        empty_label="Any source",
        label="Source",
    )
    financial_year = FinancialYearFilter(field_name="issued_on", label="Financial year issued")
    overdue = select_flag("Response overdue", OVERDUE_CHOICES, method="filter_overdue")
    is_statutory = select_flag("Statutory", [("", "Any"), ("true", "Statutory"), ("false", "Not")])
    ordering = sort_by(
        "issued_on",
        "response_due_on",
        "responded_on",
        "updated_at",
        "reference",
        ("recipient__name", "recipient"),
        empty_label="Newest issued first",
    )

    class Meta(CaseFilterSet.Meta):
        model = Recommendation

    def visible_layout(self):
        """A liaison sees only their own organisation's: there is no recipient to choose."""
        user = getattr(self.request, "user", None)
        layout = super().visible_layout()
        if user is not None and user.is_casework_staff:
            return layout
        return tuple(tuple(name for name in row if name != "recipient") for row in layout)

    def search_for(self, queryset, value):
        return queryset.filter(
            Q(reference__iexact=value)
            | Q(reference__icontains=value)
            | Q(source_reference__iexact=value)
        )

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = selectors.overdue_q(timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class PublicRecommendationFilter(
    ThemeChoicesMixin, FilterLayoutMixin, StableOrderingMixin, django_filters.FilterSet
):
    """The filters of the public feed: nothing that could reach a draft or a response."""

    layout = (("recipient", "theme", "type", "financial_year"),)
    layout_columns = "one-quarter"
    default_ordering = ("-issued_on",)

    recipient = recipient_filter()
    theme = theme_filter()
    type = django_filters.ChoiceFilter(
        choices=RecommendationType.choices, empty_label="Any type", label="Type"
    )
    financial_year = FinancialYearFilter(field_name="issued_on", label="Financial year issued")

    class Meta:
        model = Recommendation
        fields = []
        form = GovukFilterForm
