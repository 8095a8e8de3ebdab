"""Serializer fields the apps' APIs share."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from oversight.core.models import Organisation
from oversight.core.selectors import casework_staff_for_choice
from oversight.core.validation import date_bounds_error

OWNER_HELP = (
    "The username of the member of the casework staff who has the case; null while it is "
    "unallocated. Anyone on the staff may take an unallocated case (set their own username); "
    "only a manager gives a case to someone else, reassigns it or sets null."
)


def enum_field(name: str, choices, *, blank: bool = False) -> type[serializers.ChoiceField]:
    """A choice field documented as the enum component `name`: one name per choice set, so
    that one resource's `status` or `type` never collides in the schema with another's.
    `blank` adds the empty value (not recorded yet) to the enum."""
    values = [value for value, _ in choices] + ([""] if blank else [])
    schema = {
        "type": "string",
        "enum": values,
        "description": "\n".join(f"* `{value}` - {label}" for value, label in choices)
        + ("\n* `` - not recorded" if blank else ""),
    }
    field = type(f"{name}Field", (serializers.ChoiceField,), {})
    return extend_schema_field(schema, component_name=name)(field)


VERSION_HELP = "The version you read; the change is refused with 409 if it has changed since."


def force_field(**kwargs) -> serializers.SlugRelatedField:
    """A police force given by its code (a national or local policing body is not a force)."""
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=Organisation.objects.forces(),
        error_messages={"does_not_exist": "No force has the code “{value}”."},
        **kwargs,
    )


def organisation_field(queryset, **kwargs) -> serializers.SlugRelatedField:
    """An organisation given by its code, from the queryset (say, local policing bodies)."""
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=queryset,
        error_messages={
            "does_not_exist": "No organisation that can be chosen here has the code “{value}”."
        },
        **kwargs,
    )


def optional_text(**kwargs) -> serializers.CharField:
    """Text that may be left out or blank (then "")."""
    return serializers.CharField(required=False, allow_blank=True, default="", **kwargs)


class DateField(serializers.DateField):
    """A date given in the API: ISO 8601, and within the years the system records (from 1
    January 1990 to a year after today), as the pages' date field and the services bound it.
    Every serializer of the apps takes its dates from here."""

    def to_internal_value(self, value):
        date = super().to_internal_value(value)
        problem = date_bounds_error(date, today=timezone.localdate())
        if problem is not None:
            raise serializers.ValidationError(problem, code="out_of_range")
        return date


def optional_date(**kwargs) -> serializers.DateField:
    """A date that may be left out or null (then None)."""
    return DateField(required=False, allow_null=True, default=None, **kwargs)


def optional_choice(choices, **kwargs) -> serializers.ChoiceField:
    """One of the choices, or blank (then "") when left out."""
    return serializers.ChoiceField(
        choices=choices, required=False, allow_blank=True, default="", **kwargs
    )


def choice_list(choices, **kwargs) -> serializers.ListField:
    """Any number of the choices (none when left out)."""
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices), required=False, default=list, **kwargs
    )


def optional_flag(**kwargs) -> serializers.BooleanField:
    """Yes or no, no when left out."""
    return serializers.BooleanField(required=False, default=False, **kwargs)


def version_field(**kwargs) -> serializers.IntegerField:
    """The version of the record the client read, compared by the service (409 if stale)."""
    return serializers.IntegerField(help_text=kwargs.pop("help_text", VERSION_HELP), **kwargs)


def owner_field(**kwargs) -> serializers.SlugRelatedField:
    """The case's owner by username (null: unallocated). Written, it is one of the active
    casework staff, and leaving it out leaves the owner as it is; who may change it to whom
    the service decides (oversight.core.ownership)."""
    if kwargs.get("read_only"):
        return serializers.SlugRelatedField(
            slug_field="username", allow_null=True, help_text=OWNER_HELP, **kwargs
        )
    return serializers.SlugRelatedField(
        slug_field="username",
        queryset=casework_staff_for_choice(),
        required=False,
        allow_null=True,
        help_text=OWNER_HELP,
        error_messages={
            "does_not_exist": "No active member of the casework staff has the username “{value}”."
        },
        **kwargs,
    )
