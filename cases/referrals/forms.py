"""Referral forms. They check the shape of the input; the services check the rules."""

from django import forms

from cases.models import Category, MatterType, Mode, ReferralType
from oversight.core.forms import GovukDateField, GovukFormMixin
from oversight.core.selectors import organisations_for_choice


class ReferralForm(GovukFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=organisations_for_choice(forces_only=True),
        to_field_name="code",
        label="Force",
        help_text="The appropriate authority that made the referral.",
        empty_label="Choose a force",
        error_messages={
            "required": "Choose the force that made the referral",
            "invalid_choice": "Choose a force from the list",
        },
    )
    received_on = GovukDateField(
        label="Date received",
        help_text="For example, 27 3 2024",
        label_for_errors="the date received",
    )
    matter_type = forms.ChoiceField(
        label="Type of matter",
        choices=MatterType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of matter"},
    )
    referral_type = forms.ChoiceField(
        label="Type of referral",
        choices=ReferralType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of referral"},
    )
    categories = forms.MultipleChoiceField(
        label="Mandatory referral categories",
        help_text="Select all that apply.",
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        error_messages={"required": "Enter a summary of the matter"},
    )
    force_reference = forms.CharField(
        label="Force's reference (optional)", required=False, max_length=60
    )
    first_aware_on = GovukDateField(
        label="Date the matter first came to the force's attention (optional)",
        help_text="Needed for the legacy modes and the statutory 12-month notices.",
        label_for_errors="the date the matter came to the force's attention",
        required=False,
    )


class ReferralEditForm(ReferralForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DecisionForm(GovukFormMixin, forms.Form):
    mode = forms.ChoiceField(
        label="Mode of investigation",
        choices=Mode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the mode of investigation"},
    )
    decided_on = GovukDateField(
        label="Date of decision", label_for_errors="the date of the decision"
    )
    reason = forms.CharField(
        label="Reasons (optional)", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
