"""Filters shared by the apps' filter sets."""

import django_filters
from django import forms
from django.db.models import Q
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field

from oversight.core.calendar import parse_financial_year
from oversight.core.forms import FinancialYearField, GovukFilterForm, MomentField
from oversight.core.models import Organisation
from oversight.core.ownership import UNALLOCATED
from oversight.core.paging import PAGING_PARAMS
from oversight.core.selectors import casework_staff_for_choice

OWNER_ME = "me"
OWNER_UNALLOCATED = "unallocated"
OWNER_FILTERS = ("owner", "unallocated")


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2024-25"})
class FinancialYearFilter(django_filters.Filter):
    """Rows whose date field falls in a financial year written 2019-20."""

    field_class = FinancialYearField

    def __init__(self, *args, help_text="For example, 2024-25", **kwargs):
        super().__init__(*args, help_text=help_text, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        first, last = parse_financial_year(value)
        return qs.filter(**{f"{self.field_name}__range": (first, last)})


class MomentFilter(django_filters.IsoDateTimeFilter):
    """Rows changed at or after a moment in ISO 8601, read by the bounded MomentField."""

    field_class = MomentField


def date_range(field_name: str) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    """A `<name>_from` and `<name>_to` pair: on or after, and on or before, a date."""
    return (
        django_filters.DateFilter(field_name=field_name, lookup_expr="gte"),
        django_filters.DateFilter(field_name=field_name, lookup_expr="lte"),
    )


def select_flag(label: str, choices, *, method: str | None = None) -> django_filters.BooleanFilter:
    """A true/false filter offered as a select of `choices` (the blank one means either)."""
    return django_filters.BooleanFilter(
        method=method, label=label, widget=forms.Select(choices=choices)
    )


def sort_by(*columns, empty_label: str, labels: dict | None = None):
    """A list's sort: each column a model path, or (path, name) to give it a shorter name in
    the URL; `empty_label` says what the default order is."""
    return django_filters.OrderingFilter(
        fields=tuple(c if isinstance(c, tuple) else (c, c) for c in columns),
        field_labels=labels or {},
        label="Sort by",
        empty_label=empty_label,
    )


class StableOrderingMixin:
    """A stable order for pagination: the chosen sort (else `default_ordering`), then id, so
    that rows with equal sort keys never move between pages."""

    default_ordering: tuple[str, ...] = ("-id",)

    @property
    def qs(self):
        return self.stable_order(super().qs)

    @classmethod
    def stable_order(cls, qs):
        ordering = list(qs.query.order_by) or list(cls.default_ordering)
        if "-id" not in ordering and "id" not in ordering:
            ordering.append("-id")
        return qs.order_by(*ordering)


NOT_FILTERS = frozenset({*PAGING_PARAMS, "page_size", "format"})


class FilterBackend(DjangoFilterBackend):
    """django-filter's API backend, with a short cut for a request that filters nothing.

    A plain page of a list (the commonest request: every force's systems poll it) would
    otherwise build the filter set's form, deep-copying every filter, only to apply none of
    them. Without a filter parameter the same stable order is applied directly."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if (
            filterset_class is not None
            and issubclass(filterset_class, StableOrderingMixin)
            and set(request.query_params) <= NOT_FILTERS
        ):
            return filterset_class.stable_order(queryset)
        return super().filter_queryset(request, queryset, view)


def _owner_choices() -> list[tuple[str, str]]:
    """Me, Unallocated, then everyone on the casework staff (leavers too, to find the cases
    they still own) by name. Evaluated when the filter is used, not at import."""
    staff = casework_staff_for_choice(active_only=False).only(
        "username", "first_name", "last_name"
    )
    return [
        (OWNER_ME, "Me"),
        (OWNER_UNALLOCATED, UNALLOCATED),
        *((user.username, user.display_name) for user in staff),
    ]


@extend_schema_field(
    {
        "type": "string",
        "description": "A staff username, `me` (the signed-in user) or `unallocated`.",
        "example": "casey.worker",
    }
)
class OwnerFilter(django_filters.ChoiceFilter):
    """The case's owner: a staff username, `me`, or `unallocated` (no owner)."""

    def __init__(self, **kwargs):
        super().__init__(choices=_owner_choices, label="Owner", empty_label="Anyone", **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        if value == OWNER_UNALLOCATED:
            return queryset.filter(owner__isnull=True)
        if value == OWNER_ME:
            return queryset.filter(owner=self.parent.request.user)
        return queryset.filter(owner__username=value)


def force_filter(field_name: str = "organisation") -> django_filters.ModelChoiceFilter:
    """A police force by code (national and local policing bodies are not forces)."""
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=Organisation.objects.forces(),
        to_field_name="code",
        label="Force",
        empty_label="All forces",
    )


class FilterLayoutMixin:
    """How a list page lays out its filters (templates/govuk/filters.html): `layout` gives
    the filters' names row by row, `layout_columns` the GOV.UK column class of each."""

    layout: tuple[tuple[str, ...], ...] = ()
    layout_columns = "one-third"

    def visible_layout(self) -> tuple[tuple[str, ...], ...]:
        """The layout's filters that this filter set offers (see CaseFilterSet: a liaison is
        offered no owner filter)."""
        return tuple(tuple(name for name in row if name in self.filters) for row in self.layout)

    def form_rows(self) -> list[list]:
        """The filter form's bound fields, row by row."""
        return [[self.form[name] for name in row] for row in self.visible_layout()]


class CaseFilterSet(FilterLayoutMixin, StableOrderingMixin, django_filters.FilterSet):
    """The filters every list of case records has: a search box (`q`, which the subclass's
    search_for answers, blank searching nothing), the records changed since a moment, for
    incremental sync over the API, and the owner (`owner`: a username, me or unallocated;
    `unallocated`: true or false), which only casework staff are offered: for anyone else
    those filters do not exist, so nothing about owners can be learnt through them."""

    q = django_filters.CharFilter(method="search", label="Reference")
    updated_since = MomentFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Changed since",
        help_text="An ISO 8601 date and time, for incremental sync: 2024-06-03T09:00:00Z.",
    )

    owner = OwnerFilter()
    unallocated = django_filters.ChoiceFilter(
        choices=[("true", "Unallocated only"), ("false", "Allocated only")],
        method="filter_unallocated",
        label="Unallocated",
        help_text="true: only cases without an owner; false: only cases with one.",
    )

    class Meta:
        fields: list[str] = []  # every filter is declared
        form = GovukFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if not (user is not None and user.is_authenticated and user.is_casework_staff):
            for name in OWNER_FILTERS:
                self.filters.pop(name, None)

    def filter_unallocated(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(owner__isnull=value == "true")

    def search(self, queryset, name, value):
        value = value.strip()
        return self.search_for(queryset, value) if value else queryset

    def search_for(self, queryset, value: str):
        raise NotImplementedError


class ReferenceSearchMixin:
    """Search by part of the record's reference, or the whole of the force's own reference;
    each condition is served by its own index (a trigram index serves the partial one)."""

    def search_for(self, queryset, value: str):
        return queryset.filter(Q(reference__icontains=value) | Q(force_reference__iexact=value))
