"""Filters shared by the apps' filter sets."""

import django_filters
from drf_spectacular.utils import extend_schema_field

from oversight.calendar import parse_financial_year
from oversight.forms import FinancialYearField


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2024-25"})
class FinancialYearFilter(django_filters.Filter):
    """Rows whose date field falls in a financial year written 2019-20."""

    field_class = FinancialYearField

    def filter(self, qs, value):
        if not value:
            return qs
        first, last = parse_financial_year(value)
        return qs.filter(**{f"{self.field_name}__range": (first, last)})


class StableOrderingMixin:
    """A stable order for pagination: the chosen sort (else `default_ordering`), then id, so
    that rows with equal sort keys never move between pages."""

    default_ordering: tuple[str, ...] = ("-id",)

    @property
    def qs(self):
        qs = super().qs
        ordering = list(qs.query.order_by) or list(self.default_ordering)
        if "-id" not in ordering and "id" not in ordering:
            ordering.append("-id")
        return qs.order_by(*ordering)
