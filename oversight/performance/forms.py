"""Forms of the performance pages: the chosen year and managers' targets."""

from django import forms

from oversight.core.forms import FinancialYearField, GovukFormMixin
from oversight.performance.models import Target


class YearForm(GovukFormMixin, forms.Form):
    financial_year = FinancialYearField(label="Financial year", help_text="For example, 2024-25")


class TargetsForm(GovukFormMixin, forms.Form):
    """One optional percentage per figure that has a target."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for metric in Target.Metric:
            self.fields[metric.value] = forms.DecimalField(
                label=f"{metric.label} (%)",
                required=False,
                min_value=0,
                max_value=100,
                decimal_places=1,
                widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-4"}),
                error_messages={
                    "min_value": "A target cannot be below 0%%",
                    "max_value": "A target cannot be above 100%%",
                    "invalid": "Enter the target as a number, like 85",
                },
            )
