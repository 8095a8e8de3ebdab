"""The API's shapes of the parties and the contact log (DESIGN: Casework contracts)."""

from rest_framework import serializers

from oversight.core.api_fields import (
    DateField,
    enum_field,
    optional_date,
    optional_flag,
    optional_text,
    version_field,
)
from oversight.core.casework.models import Channel, Contact, Party

PARTY_FIELDS = [
    "id",
    "role",
    "name",
    "email",
    "phone",
    "address",
    "preferred_language",
    "preferred_channel",
    "reasonable_adjustments",
    "vulnerable",
    "acting_for",
    "consent_on",
    "version",
]
CONTACT_FIELDS = ["id", "party", "on", "direction", "channel", "kind", "summary", "recorded_by"]

RoleField = enum_field("PartyRole", Party.Role.choices)
LanguageField = enum_field("PreferredLanguage", Party.Language.choices)
PreferredChannelField = enum_field("PreferredChannel", Channel.choices, blank=True)
ChannelField = enum_field("ContactChannel", Channel.choices)
DirectionField = enum_field("ContactDirection", Contact.Direction.choices)
KindField = enum_field("ContactKind", Contact.Kind.choices)

ACTING_FOR_HELP = "For a representative: the id of the party of this case they act for."
CONSENT_HELP = "For a representative: the date the person represented consented."


class PartySerializer(serializers.ModelSerializer):
    """A person around the case, as stored."""

    role = RoleField(choices=Party.Role.choices, read_only=True)
    preferred_language = LanguageField(choices=Party.Language.choices, read_only=True)
    preferred_channel = PreferredChannelField(choices=Channel.choices, read_only=True)
    acting_for = serializers.PrimaryKeyRelatedField(read_only=True, help_text=ACTING_FOR_HELP)
    consent_on = DateField(read_only=True, help_text=CONSENT_HELP)

    class Meta:
        model = Party
        fields = PARTY_FIELDS
        read_only_fields = PARTY_FIELDS


class PartyInputSerializer(serializers.Serializer):
    """A person to add to the case."""

    role = RoleField(choices=Party.Role.choices)
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = optional_text(max_length=40)
    address = optional_text()
    preferred_language = LanguageField(
        choices=Party.Language.choices, required=False, default=Party.Language.ENGLISH
    )
    preferred_channel = PreferredChannelField(
        choices=Channel.choices, required=False, allow_blank=True, default=""
    )
    reasonable_adjustments = optional_text()
    vulnerable = optional_flag()
    acting_for = serializers.PrimaryKeyRelatedField(
        queryset=Party.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=ACTING_FOR_HELP,
        error_messages={"does_not_exist": "No party of this case has the id {pk_value}."},
    )
    consent_on = optional_date(help_text=CONSENT_HELP)


class PartyUpdateSerializer(PartyInputSerializer):
    """A change to a person's details, with the version read."""

    version = version_field()


class ContactSerializer(serializers.ModelSerializer):
    """A contact with a party of the case, as stored."""

    direction = DirectionField(choices=Contact.Direction.choices, read_only=True)
    channel = ChannelField(choices=Channel.choices, read_only=True)
    kind = KindField(choices=Contact.Kind.choices, read_only=True)
    recorded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Contact
        fields = CONTACT_FIELDS
        read_only_fields = CONTACT_FIELDS


class ContactInputSerializer(serializers.Serializer):
    """A contact to log."""

    party = serializers.PrimaryKeyRelatedField(
        queryset=Party.objects.all(),
        help_text="The id of the party of this case the contact was with.",
        error_messages={"does_not_exist": "No party of this case has the id {pk_value}."},
    )
    on = DateField(help_text="The date of the contact: not in the future.")
    direction = DirectionField(choices=Contact.Direction.choices)
    channel = ChannelField(choices=Channel.choices)
    kind = KindField(choices=Contact.Kind.choices)
    summary = optional_text()
