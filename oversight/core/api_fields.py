"""Serializer fields the apps' APIs share."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


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
