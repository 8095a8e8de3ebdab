"""Investigation forms. They check the shape of the input; the services check the rules."""

import datetime as dt

from django import forms

from cases.investigations import rules, selectors
from cases.models import (
    INVESTIGATION_MODES,
    ChargingDecision,
    Consequence,
    DisciplinaryResult,
    InvestigationStatus,
    NoticeAction,
    Outcome,
    PauseReason,
)
from cases.referrals import rules as referral_rules
from oversight.core import forms as govuk
from oversight.core.formatting import long_date


class InvestigationForm(govuk.GovukForm):
    started_on = govuk.GovukDateField(
        label="Date the investigation started",
        help_text="The 6- and 12-month clocks run from this date. For example, 27 3 2024",
        label_for_errors="the date the investigation started",
    )
    lead_investigator = forms.ModelChoiceField(
        queryset=selectors.lead_investigators_for_choice(),
        to_field_name="username",
        label="Lead investigator",
        empty_label="Choose a lead investigator",
        error_messages={
            "required": "Choose the lead investigator",
            "invalid_choice": "Choose a lead investigator from the list",
        },
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=selectors.themes_for_choice(),
        to_field_name="code",
        label="Thematic areas",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_major = govuk.yes_no_field(
        "Is this a major investigation?",
        help_text="Major investigations (such as Hillsborough) are listed but left out of the "
        "core timeliness figures.",
        error="Select whether this is a major investigation",
        initial="no",
    )
    first_aware_on = govuk.GovukDateField(
        label="Date the matter first came to the force's attention (or the complaint was made)",
        help_text="Statutory notices to the local policing body fall due 12 months after this "
        "date while the investigation is open, then every 6 months.",
        label_for_errors="the date the matter came to the force's attention",
        required=False,
    )

    def __init__(self, *args, themes_on_record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_investigator"].label_from_instance = lambda user: user.display_name
        if themes_on_record is not None:
            self.fields["themes"].queryset = selectors.themes_for_choice(keep=themes_on_record)


class InvestigationEditForm(InvestigationForm, govuk.VersionedForm):
    mode = govuk.radios(
        "Mode of investigation",
        [(m.value, m.label) for m in INVESTIGATION_MODES],
        error="Select the mode of investigation",
    )
    completed_on = govuk.GovukDateField(
        label="Date completed",
        help_text="Correct it here if it was recorded wrongly.",
        label_for_errors="the date completed",
    )

    field_order = ["mode", "started_on", "completed_on", "lead_investigator", "themes", "is_major"]

    def __init__(self, *args, completed: bool = False, regime: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not completed:
            del self.fields["completed_on"]
        if regime is not None:
            # Only the investigative modes the referral's regime allows.
            self.fields["mode"].choices = [
                (m.value, m.label)
                for m in INVESTIGATION_MODES
                if referral_rules.mode_allowed(m.value, regime)
            ]


def name_field() -> forms.CharField:
    return forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the person's name"}
    )


def rank_field() -> forms.CharField:
    return forms.CharField(label="Rank or role (optional)", max_length=80, required=False)


def collar_number_field() -> forms.CharField:
    return forms.CharField(label="Collar number (optional)", max_length=20, required=False)


class SubjectForm(govuk.GovukForm):
    """A person serving with the police: who they are (outcomes are on their own page)."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = name_field()
    rank = rank_field()
    collar_number = collar_number_field()
    organisation = govuk.ForceChoiceField(
        label="Force", required=False, empty_label="The referring force"
    )


SubjectFormSet = forms.formset_factory(SubjectForm, extra=2, can_delete=True)


class StatusForm(govuk.VersionedForm):
    status = govuk.radios("New status", [], error="Select the new status")
    changed_on = govuk.GovukDateField(
        label="Date of the change",
        help_text="For completion, the date the investigation was completed. Dates cannot go "
        "before the last change.",
        label_for_errors="the date of the change",
    )
    pause_reason = govuk.radios(
        "Reason for pausing (only when pausing)",
        PauseReason.choices,
        help_text="A pause is shown on the case but does not stop the 6- and 12-month clocks.",
    )
    note = govuk.text_area("Note (optional)", rows=3, max_length=None)

    def __init__(self, *args, current_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, InvestigationStatus(status).label)
            for status in rules.next_statuses(current_status)
        ]


class SubjectOutcomeForm(govuk.VersionedForm):
    """One person with the outcomes for them; their allegations come in a formset."""

    name = name_field()
    rank = rank_field()
    collar_number = collar_number_field()
    organisation = govuk.ForceChoiceField(
        label="Force",
        empty_label="Choose a force",
        error_messages={"required": "Choose the person's force"},
    )
    referred_to_cps = govuk.yes_no_field(
        "Referred to the Crown Prosecution Service?",
        error="Select whether referred to the CPS",
        initial="no",
    )
    charging_decision = forms.ChoiceField(
        label="CPS charging decision",
        choices=[("", "None yet"), *ChargingDecision.choices],
        required=False,
    )
    disciplinary_result = forms.ChoiceField(
        label="Disciplinary result",
        choices=[("", "None yet"), *DisciplinaryResult.choices],
        required=False,
    )
    barred_list = govuk.yes_no_field(
        "Entered on the barred list?",
        error="Select whether entered on the barred list",
        initial="no",
    )
    advisory_list = govuk.yes_no_field(
        "Entered on the advisory list?",
        help_text="Police Act 1996 Part 4A: those who left while under investigation.",
        error="Select whether entered on the advisory list",
        initial="no",
    )
    # Left out (a form from before the list was recorded): not entered.
    advisory_list.required = False
    advisory_list.empty_value = False


class AllegationForm(govuk.GovukForm):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    description = govuk.text_area(
        "Allegation", rows=2, max_length=5000, error="Describe the allegation"
    )
    investigator_opinion = forms.ChoiceField(
        label="Investigator's opinion",
        choices=[("", "Not yet given"), *Outcome.choices],
        required=False,
    )
    force_determination = forms.ChoiceField(
        label="Force's determination",
        help_text="Recorded separately, once the force has read the report.",
        choices=[("", "Not yet determined"), *Outcome.choices],
        required=False,
    )
    investigator_consequence = forms.ChoiceField(
        label="What follows no case to answer (investigator)",
        choices=[("", "Nothing further"), *Consequence.choices],
        required=False,
    )
    force_consequence = forms.ChoiceField(
        label="What follows no case to answer (force)",
        choices=[("", "Nothing further"), *Consequence.choices],
        required=False,
    )


AllegationFormSet = forms.formset_factory(AllegationForm, extra=1, can_delete=True)


GIVEN_ONLY = "Needed for a notice given (regulation 13(4))."


class NoticeForm(govuk.VersionedForm):
    due_on = forms.TypedChoiceField(
        label="Which notice",
        coerce=dt.date.fromisoformat,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the notice you are recording"},
    )
    action = govuk.radios(
        "What happened",
        NoticeAction.choices,
        error="Select whether the notice was given or withheld",
    )
    actioned_on = govuk.GovukDateField(
        label="Date given or withheld", label_for_errors="the date the notice was given"
    )
    chief_officer_under_investigation = govuk.yes_no_field(
        "Does the investigation relate to the chief officer's conduct?",
        help_text="Then the notice goes to the local policing body only (regulation 13(2)).",
        error="Select whether the investigation relates to the chief officer's conduct",
        initial="no",
    )
    chief_officer_under_investigation.required = False
    chief_officer_under_investigation.empty_value = False
    progress = govuk.text_area(
        "Progress of the investigation", rows=3, max_length=None, help_text=GIVEN_ONLY
    )
    estimated_completion_on = govuk.GovukDateField(
        label="Estimated date of completion",
        label_for_errors="the estimated date of completion",
        required=False,
        help_text=GIVEN_ONLY,
    )
    delay_reasons = govuk.text_area(
        "Reasons for the time taken", rows=3, max_length=None, help_text=GIVEN_ONLY
    )
    planned_steps = govuk.text_area(
        "Planned steps to bring it to a conclusion", rows=3, max_length=None, help_text=GIVEN_ONLY
    )
    note = govuk.text_area(
        "Note (optional)",
        rows=3,
        max_length=None,
        help_text="For a withheld notice, why giving it might prejudice an investigation.",
    )

    def __init__(self, *args, due_dates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].choices = [
            (day.isoformat(), f"Due {long_date(day)}") for day in due_dates
        ]
