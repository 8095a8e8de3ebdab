"""SQL twins of oversight.core.calendar rules, for grouping by financial year in the database."""

from django.db.models import Func, IntegerField


class FinancialYearStart(Func):
    """The calendar year in which the financial year of a date began (1 April):
    the SQL twin of calendar.financial_year_start."""

    template = "EXTRACT(YEAR FROM (%(expressions)s - INTERVAL '3 months'))::integer"
    output_field = IntegerField()
