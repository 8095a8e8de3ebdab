"""The forms of the parties and the contact log pages."""

from django import forms

from oversight.core.casework.models import Channel, Contact, Party
from oversight.core.forms import GovukDateField, GovukForm, VersionedForm, radios, text_area

CHANNEL_CHOICES = [("", "No preference"), *Channel.choices]


class PartyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.get_role_display().lower()})"


class PartyForm(GovukForm):
    """A person around the case. The version is carried only when editing."""

    role = radios("Role", Party.Role.choices, error="Choose the person’s role")
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the person’s name"}
    )
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", max_length=40, required=False)
    address = text_area("Postal address", rows=3)
    preferred_language = radios(
        "Preferred language", Party.Language.choices, error="Choose English or Welsh"
    )
    preferred_channel = forms.ChoiceField(
        label="Preferred way to be contacted", choices=CHANNEL_CHOICES, required=False
    )
    reasonable_adjustments = text_area(
        "Reasonable adjustments",
        rows=3,
        help_text="For example large print, an interpreter, or calls only in the morning.",
    )
    vulnerable = forms.BooleanField(label="Vulnerable", required=False)
    acting_for = PartyChoiceField(
        label="Acting for",
        queryset=Party.objects.none(),
        required=False,
        help_text="For a representative only: the person they act for.",
    )
    consent_on = GovukDateField(
        label="Date of consent",
        label_for_errors="the date of consent",
        required=False,
        help_text="For a representative only: when the person represented consented.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, parties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parties is not None:
            self.fields["acting_for"].queryset = parties


class PartyRemoveForm(VersionedForm):
    """Confirm the removal of a person, with the version read."""


class ContactForm(GovukForm):
    """A contact with a party of the case."""

    party = PartyChoiceField(
        label="With",
        queryset=Party.objects.none(),
        error_messages={"required": "Choose the person"},
    )
    on = GovukDateField(label="Date", label_for_errors="the date of the contact")
    direction = radios("Direction", Contact.Direction.choices, error="Choose inbound or outbound")
    channel = radios("Channel", Channel.choices, error="Choose how the contact was made")
    kind = radios("Kind", Contact.Kind.choices, error="Choose the kind of contact")
    summary = text_area("Summary", rows=4)

    def __init__(self, *args, parties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parties is not None:
            self.fields["party"].queryset = parties
