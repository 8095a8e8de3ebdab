"""Filters shared by the apps' filter sets."""

import django_filters

from oversight.calendar import parse_financial_year
from oversight.forms import FinancialYearField


class FinancialYearFilter(django_filters.Filter):
    """Rows whose date field falls in a financial year written 2019-20."""

    field_class = FinancialYearField

    def filter(self, qs, value):
        if not value:
            return qs
        first, last = parse_financial_year(value)
        return qs.filter(**{f"{self.field_name}__range": (first, last)})
