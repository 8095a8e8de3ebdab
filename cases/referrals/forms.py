"""Referral forms. They check the shape of the input; the services check the rules."""

from django import forms

from cases.models import Category, MatterType, Mode, ReferralType
from oversight.core import forms as govuk


class ReferralForm(govuk.GovukForm):
    organisation = govuk.ForceChoiceField(
        label="Force",
        help_text="The appropriate authority that made the referral.",
        empty_label="Choose a force",
        error_messages={"required": "Choose the force that made the referral"},
    )
    received_on = govuk.GovukDateField(
        label="Date received",
        help_text="For example, 27 3 2024",
        label_for_errors="the date received",
    )
    matter_type = govuk.radios(
        "Type of matter", MatterType.choices, error="Select the type of matter"
    )
    referral_type = govuk.radios(
        "Type of referral", ReferralType.choices, error="Select the type of referral"
    )
    categories = govuk.checkboxes("Mandatory referral categories", Category.choices)
    summary = govuk.text_area("Summary", rows=5, error="Enter a summary of the matter")
    force_reference = forms.CharField(
        label="Force's reference (optional)", required=False, max_length=60
    )
    first_aware_on = govuk.GovukDateField(
        label="Date the matter first came to the force's attention (optional)",
        help_text="Needed for the legacy modes and the statutory 12-month notices.",
        label_for_errors="the date the matter came to the force's attention",
        required=False,
    )


class ReferralEditForm(ReferralForm, govuk.VersionedForm):
    pass


class DecisionForm(govuk.VersionedForm):
    mode = govuk.radios(
        "Mode of investigation", Mode.choices, error="Select the mode of investigation"
    )
    decided_on = govuk.GovukDateField(
        label="Date of decision", label_for_errors="the date of the decision"
    )
    reason = govuk.text_area("Reasons (optional)", max_length=None)
