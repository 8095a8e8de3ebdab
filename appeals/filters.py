"""Application list filters, shared by the list page, the CSV export and the API."""

import django_filters

from appeals import selectors
from appeals.models import Application, Kind, Result, ReviewBody, Status, Subject
from oversight.core.filters import (
    CaseFilterSet,
    FinancialYearFilter,
    ReferenceSearchMixin,
    date_range,
    force_filter,
    select_flag,
    sort_by,
)

DECIDED_CHOICES = [("", "Any"), ("true", "Decided"), ("false", "Not decided")]
IN_TIME_CHOICES = [("", "Any"), ("true", "Made in time"), ("false", "Made late")]
VALIDITY_CHOICES = [("true", "Valid"), ("false", "Invalid"), ("unknown", "Not yet judged")]
RESULT_CHOICES = [
    (Result.UPHELD, "Upheld (review: not reasonable and proportionate)"),
    (Result.NOT_UPHELD, "Not upheld (review: reasonable and proportionate)"),
]


class ApplicationFilter(ReferenceSearchMixin, CaseFilterSet):
    layout = (
        ("q", "organisation", "kind", "subject"),
        ("status", "is_valid", "result", "review_body"),
        ("financial_year", "decided_financial_year", "decided", "made_in_time"),
        ("owner", "ordering"),
    )
    layout_columns = "one-quarter"
    default_ordering = ("-received_on",)

    organisation = force_filter()
    kind = django_filters.ChoiceFilter(
        choices=Kind.choices, label="Appeal or review", empty_label="Appeals and reviews"
    )
    subject = django_filters.ChoiceFilter(
        choices=Subject.choices, label="About", empty_label="Anything"
    )
    status = django_filters.ChoiceFilter(choices=Status.choices, empty_label="Any status")
    is_valid = django_filters.ChoiceFilter(
        choices=VALIDITY_CHOICES, method="filter_validity", label="Validity", empty_label="Any"
    )
    result = django_filters.ChoiceFilter(
        choices=RESULT_CHOICES, label="Decision", empty_label="Any decision"
    )
    review_body = django_filters.ChoiceFilter(
        choices=ReviewBody.choices, label="Relevant review body", empty_label="Any"
    )
    financial_year = FinancialYearFilter(field_name="received_on", label="Financial year received")
    decided_financial_year = FinancialYearFilter(
        field_name="decided_on", label="Financial year decided"
    )
    decided = select_flag("Decided", DECIDED_CHOICES, method="filter_decided")
    made_in_time = select_flag("Made in time", IN_TIME_CHOICES, method="filter_made_in_time")
    received_from, received_to = date_range("received_on")
    ordering = sort_by(
        "received_on",
        "decided_on",
        "reference",
        ("organisation__name", "force"),
        labels={
            "received_on": "Oldest received first",
            "-received_on": "Newest received first",
            "decided_on": "Earliest decided first",
            "-decided_on": "Latest decided first",
            "reference": "Reference (A to Z)",
            "-reference": "Reference (Z to A)",
            "organisation__name": "Force (A to Z)",
            "-force": "Force (Z to A)",
        },
        empty_label="Newest received first",
    )

    class Meta(CaseFilterSet.Meta):
        model = Application

    def filter_validity(self, queryset, name, value):
        if value == "unknown":
            return queryset.filter(is_valid__isnull=True)
        if value in ("true", "false"):
            return queryset.filter(is_valid=value == "true")
        return queryset

    def filter_decided(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(decided_on__isnull=not value)

    def filter_made_in_time(self, queryset, name, value):
        if value is None:
            return queryset
        in_time = selectors.made_in_time_q()
        return queryset.filter(in_time) if value else queryset.exclude(in_time)
