"""Referral list filters, shared by the list page, the CSV export and the API."""

import django_filters
from django.utils import timezone

from cases.models import Category, MatterType, Mode, Referral, ReferralStatus, ReferralType
from cases.referrals import selectors
from oversight.core.filters import (
    CaseFilterSet,
    FinancialYearFilter,
    ReferenceSearchMixin,
    date_range,
    force_filter,
    select_flag,
    sort_by,
)
from oversight.core.forms import OVERDUE_CHOICES


class ReferralFilter(ReferenceSearchMixin, CaseFilterSet):
    layout = (
        ("q", "organisation", "status"),
        ("owner", "financial_year", "overdue"),
        ("ordering",),
    )
    default_ordering = ("-received_on",)

    organisation = force_filter()
    status = django_filters.ChoiceFilter(choices=ReferralStatus.choices, empty_label="Any status")
    financial_year = FinancialYearFilter(field_name="received_on", label="Financial year received")
    overdue = select_flag("Decision overdue", OVERDUE_CHOICES, method="filter_overdue")
    mode = django_filters.ChoiceFilter(choices=Mode.choices, empty_label="Any mode")
    matter_type = django_filters.ChoiceFilter(choices=MatterType.choices, empty_label="Any type")
    referral_type = django_filters.ChoiceFilter(
        choices=ReferralType.choices, empty_label="Any referral type"
    )
    category = django_filters.ChoiceFilter(
        field_name="categories",
        lookup_expr="contains",
        choices=Category.choices,
        method="filter_category",
        empty_label="Any category",
    )
    received_from, received_to = date_range("received_on")
    ordering = sort_by(
        "received_on",
        "decision_due_on",
        "decided_on",
        "reference",
        ("organisation__name", "force"),
        empty_label="Newest received first",
    )

    class Meta(CaseFilterSet.Meta):
        model = Referral

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = selectors.decision_overdue_q(timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)

    def filter_category(self, queryset, name, value):
        return queryset.filter(categories__contains=[value]) if value else queryset
