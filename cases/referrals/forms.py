"""Referral forms. They check the shape of the input; the services check the rules."""

from django import forms

from cases.models import Category, MatterType, Mode, ReferralType
from cases.referrals import rules
from oversight.core import forms as govuk
from oversight.core.regime import RegimeReason


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
        "Type of referral",
        ReferralType.choices,
        error="Select the type of referral",
        help_text="A death or serious injury matter is always mandatory (Schedule 3, paragraph "
        "14C). Called in: the oversight body treats the matter as referred (paragraphs 4A, "
        "13A, 14CA).",
    )
    categories = govuk.checkboxes("Mandatory referral categories", Category.choices)
    summary = govuk.text_area("Summary", rows=5, error="Enter a summary of the matter")
    force_reference = forms.CharField(
        label="Force's reference (optional)", required=False, max_length=60
    )
    first_aware_on = govuk.GovukDateField(
        label="Date the complaint was made or the matter came to the force's attention (optional)",
        help_text="It decides the regime (before 1 February 2020 the old one; without it, the "
        "date received does) and the statutory 12-month notices.",
        label_for_errors="the date the matter came to the force's attention",
        required=False,
    )
    regime_reason = govuk.radios(
        "Is the matter under a regime other than its date's? (optional)",
        [("", "No: its date decides"), *RegimeReason.choices],
        help_text="The Police and Crime Act 2017 (Commencement No. 11 and Transitional "
        "Provisions) Regulations 2020, regulation 3.",
    )


class ReferralEditForm(ReferralForm, govuk.VersionedForm):
    pass


class DecisionForm(govuk.VersionedForm):
    """The determination, offering only the modes the referral's regime allows."""

    mode = govuk.radios(
        "Mode of investigation", Mode.choices, error="Select the mode of investigation"
    )
    decided_on = govuk.GovukDateField(
        label="Date of decision", label_for_errors="the date of the decision"
    )
    why_not_local = govuk.text_area(
        "Why is a local investigation (by the force) not appropriate?",
        help_text="Needed for an independent or directed investigation: local is considered "
        "first, having regard to the seriousness of the case and the public interest "
        "(Schedule 3, paragraph 15(4A)).",
        max_length=None,
    )
    why_not_independent = govuk.text_area(
        "Why is a directed investigation more appropriate than an independent one?",
        help_text="Needed for a directed investigation: otherwise the investigation is "
        "independent (paragraph 15(4B) and (4C)).",
        max_length=None,
    )
    reason = govuk.text_area("Reasons for the decision (optional)", max_length=None)

    def __init__(self, *args, regime: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if regime is not None:
            allowed = rules.modes_for_regime(regime)
            self.fields["mode"].choices = [(m, Mode(m).label) for m in allowed]
