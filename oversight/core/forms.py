"""Form building blocks in the GOV.UK Design System style, shared by every app's forms."""

import datetime as dt
from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_filters.fields import IsoDateTimeField

from oversight.core.calendar import FinancialYearError, parse_financial_year
from oversight.core.ownership import UNALLOCATED
from oversight.core.selectors import casework_staff_for_choice, organisations_for_choice
from oversight.core.validation import TOO_EARLY, date_bounds_error


def govuk_class(widget: forms.Widget) -> str | None:
    """The GOV.UK class for a plain widget; radios, checkboxes and dates have templates."""
    if isinstance(widget, forms.Select):
        return "govuk-select"
    if isinstance(widget, forms.Textarea):
        return "govuk-textarea"
    if isinstance(widget, forms.widgets.Input) and widget.input_type not in {
        "hidden",
        "checkbox",
        "radio",
    }:
        return "govuk-input"
    return None


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: separate day, month and year boxes."""

    template_name = "govuk/widgets/date.html"

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric", "class": "govuk-input govuk-date-input__input"}
        # Named _0, _1, _2 (day, month, year) in the submitted form.
        widgets = [
            forms.TextInput({**part, "class": part["class"] + " govuk-input--width-2"}),
            forms.TextInput({**part, "class": part["class"] + " govuk-input--width-2"}),
            forms.TextInput({**part, "class": part["class"] + " govuk-input--width-4"}),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A calendar date typed as day, month and year, with GOV.UK error messages."""

    widget = GovukDateWidget

    def __init__(self, *, label_for_errors: str = "the date", **kwargs):
        self.label_for_errors = label_for_errors
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        self.error_messages["required"] = f"Enter {label_for_errors}"
        self.error_messages["incomplete"] = f"Enter {label_for_errors} as day, month and year"

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(v or "").strip() for v in data_list)
        if not (day and month and year):
            raise ValidationError(
                f"{self.label_for_errors.capitalize()} must include a day, a month and a year",
                code="incomplete",
            )
        try:
            value = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                f"{self.label_for_errors.capitalize()} must be a real date", code="invalid"
            ) from None
        problem = date_bounds_error(value, today=timezone.localdate())
        if problem is not None:
            raise ValidationError(problem, code="out_of_range")
        return value


class FinancialYearField(forms.CharField):
    """A financial year written 2019-20."""

    def clean(self, value):
        value = super().clean(value)
        if value:
            try:
                parse_financial_year(value)
            except FinancialYearError as error:
                # The message quotes the value: passed as a parameter, a % in it is text
                # (django-filter formats every message with its parameters).
                raise ValidationError("%(error)s", params={"error": str(error)}) from None
        return value


class MomentField(IsoDateTimeField):
    """A moment in ISO 8601 (2024-06-03T09:00:00Z), taken in UTC and bounded like every date
    (from 1 January 1990 to a year after today): an offset PostgreSQL cannot store (+23:59)
    or a year it cannot reach is the caller's mistake, never a database error."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return None
        try:
            moment = moment.astimezone(dt.UTC)
        except (OverflowError, ValueError):
            raise ValidationError(TOO_EARLY, code="out_of_range") from None
        problem = date_bounds_error(moment.date(), today=timezone.localdate())
        if problem is not None:
            raise ValidationError(problem, code="out_of_range")
        return moment


class GovukFormMixin:
    """Gives each widget its GOV.UK class, and marks invalid fields for styling."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = govuk_class(field.widget)
            if css and "class" not in field.widget.attrs:
                field.widget.attrs["class"] = css

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            field = self.fields.get(name)
            if field is None:
                continue
            css = field.widget.attrs.get("class", "")
            if css.startswith("govuk-") and "--error" not in css:
                base = css.split()[0]
                field.widget.attrs["class"] = f"{css} {base}--error"


class GovukFilterForm(GovukFormMixin, forms.Form):
    """The form behind a list page's filters (django-filter builds the fields)."""


class GovukForm(GovukFormMixin, forms.Form):
    """A form of the service's pages."""


class VersionedForm(GovukForm):
    """A form that changes a record: it carries the version read, for the service to compare
    (a stale save is refused rather than overwriting someone else's)."""

    version = forms.IntegerField(widget=forms.HiddenInput)


# Fields, as GOV.UK patterns ----------------------------------------------------------------


def radios(label: str, choices, *, error: str | None = None, help_text: str = "") -> forms.Field:
    """One choice as radios; `error` is the message when none is chosen (None: optional)."""
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=forms.RadioSelect,
        required=error is not None,
        error_messages={"required": error} if error else {},
    )


def checkboxes(label: str, choices, *, help_text: str = "Select all that apply.") -> forms.Field:
    """Any number of choices as checkboxes, none needed."""
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


def text_area(
    label: str,
    *,
    rows: int = 4,
    max_length: int = 10000,
    error: str | None = None,
    help_text: str = "",
) -> forms.Field:
    """Free text over several lines; `error` is the message when it is left empty (None:
    optional)."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        required=error is not None,
        error_messages={"required": error} if error else {},
    )


class OrganisationChoiceField(forms.ModelChoiceField):
    """An organisation by code, from the given queryset (organisations_for_choice)."""

    def __init__(self, *, queryset, error_messages=None, **kwargs):
        super().__init__(
            queryset=queryset,
            to_field_name="code",
            error_messages={
                "invalid_choice": "Choose an organisation from the list",
                **(error_messages or {}),
            },
            **kwargs,
        )


class ForceChoiceField(OrganisationChoiceField):
    """A territorial or special police force, by code, from the active ones."""

    def __init__(self, *, error_messages=None, **kwargs):
        super().__init__(
            queryset=organisations_for_choice(forces_only=True),
            error_messages={
                "invalid_choice": "Choose a force from the list",
                **(error_messages or {}),
            },
            **kwargs,
        )


class OwnerChoiceField(forms.ModelChoiceField):
    """A member of the active casework staff, by username and shown by name, or Unallocated."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=casework_staff_for_choice(),
            to_field_name="username",
            required=False,
            empty_label=UNALLOCATED,
            error_messages={"invalid_choice": "Choose an owner from the list"},
            **kwargs,
        )

    def label_from_instance(self, obj) -> str:
        return obj.display_name


class OwnerForm(VersionedForm):
    """Change the owner of a case (managers)."""

    owner = OwnerChoiceField(label="Owner")


OVERDUE_CHOICES = [("", "Any"), ("true", "Overdue only"), ("false", "Not overdue")]
YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no_field(
    label: str, *, error: str, help_text: str = "", initial: str | None = None
) -> forms.TypedChoiceField:
    """A yes-or-no question as GOV.UK radios, cleaned to True or False."""
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial=initial,
        error_messages={"required": error},
    )


def add_service_errors(
    form: forms.Form, error: ValidationError, aliases: Mapping[str, str] | None = None
) -> None:
    """Show a service's ValidationError on the form: each message next to its field where the
    form has one (`aliases` maps a service's field name to the form's), the rest above it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        field = (aliases or {}).get(name, name)
        form.add_error(field if field in form.fields else None, messages)
