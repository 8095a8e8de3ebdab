"""Application forms. They check the shape of the input; the services check the rules."""

from django import forms

from appeals.models import (
    REVIEW_BODY_CRITERIA,
    Applicant,
    FollowUp,
    InvalidReason,
    Kind,
    Result,
    ReviewBody,
    Subject,
)
from oversight.core import forms as govuk
from oversight.core.models import Organisation
from oversight.core.regime import RegimeReason
from oversight.core.selectors import organisations_for_choice

CRITERIA_CHOICES = [
    ("about_senior_officer", "Any part of the complaint is about a senior officer"),
    (
        "referred_or_should_have_been",
        "Any part was referred, or should have been referred, to the oversight body",
    ),
    (
        "treated_as_referred",
        "The oversight body is treating any part of it as referred to it",
    ),
    (
        "could_justify_proceedings",
        "The force could not satisfy itself, from the complaint alone, that the conduct "
        "complained of, if proved, would not justify criminal or disciplinary proceedings",
    ),
    ("engages_article_2_or_3", "Any part engages Article 2 or 3 of the ECHR"),
    (
        "same_incident",
        "Any part arises from the same incident as a complaint that meets one of these criteria",
    ),
]
FIRST_RECEIVER_KINDS = [*Organisation.FORCE_KINDS, Organisation.Kind.LOCAL_POLICING_BODY]
VALIDITY_CHOICES = [("true", "Valid"), ("false", "Invalid")]


class ApplicationForm(govuk.GovukForm):
    organisation = govuk.ForceChoiceField(
        label="Force",
        help_text="The force (appropriate authority) that handled the complaint.",
        empty_label="Choose a force",
        error_messages={"required": "Choose the force that handled the complaint"},
    )
    force_reference = forms.CharField(
        label="Force's complaint reference (optional)", required=False, max_length=60
    )
    complaint_made_on = govuk.GovukDateField(
        label="Date the complaint was made",
        help_text="Complaints made before 1 February 2020 are appealed; later ones are reviewed.",
        label_for_errors="the date the complaint was made",
    )
    regime_reason = forms.ChoiceField(
        label="Regime, if not the date's (optional)",
        choices=[("", "The date decides"), *RegimeReason.choices],
        required=False,
        help_text="A complaint made on or after 1 February 2020 that is linked to an earlier "
        "matter still being handled stays an appeal; a re-investigation or a section 28A "
        "direction makes an earlier complaint a review.",
    )
    outcome_notified_on = govuk.GovukDateField(
        label="Date the complainant was told the outcome",
        help_text="The 28 days to apply begin the day after this.",
        label_for_errors="the date the complainant was told the outcome",
    )
    received_on = govuk.GovukDateField(
        label="Date the application was received",
        help_text="The date it reached the oversight body.",
        label_for_errors="the date the application was received",
    )
    first_received_by = govuk.OrganisationChoiceField(
        label="First received by (optional)",
        help_text="If the complainant first sent the application to another body, such as "
        "the local policing body or the force, and it was forwarded to us.",
        queryset=organisations_for_choice(kinds=FIRST_RECEIVER_KINDS),
        required=False,
        empty_label="Not sent to another body first",
        error_messages={"invalid_choice": "Choose the body from the list"},
    )
    first_received_on = govuk.GovukDateField(
        label="Date first received (optional)",
        help_text="The date that body received it. The 28 days count to this date: the "
        "time before it was forwarded is disregarded.",
        label_for_errors="the date the application was first received",
        required=False,
    )
    applicant = govuk.radios("Who applied", Applicant.choices, error="Select who applied")
    subject = govuk.radios(
        "What the application is about",
        Subject.choices,
        error="Select what the application is about",
    )
    criteria = govuk.checkboxes(
        "Criteria that make the oversight body the relevant review body",
        CRITERIA_CHOICES,
        help_text="Select all that apply. If none applies, the local policing body reviews it "
        "(for an appeal, the force's chief officer).",
    )
    summary = govuk.text_area("Grounds of the application (optional)", rows=5)

    def details(self) -> dict:
        """The cleaned data as the services take it: one boolean per criterion."""
        data = dict(self.cleaned_data)
        chosen = set(data.pop("criteria", []))
        data.pop("version", None)
        return {**data, **{name: name in chosen for name in REVIEW_BODY_CRITERIA}}

    @staticmethod
    def initial_from(application) -> dict:
        return {
            "organisation": application.organisation.code,
            "force_reference": application.force_reference,
            "complaint_made_on": application.complaint_made_on,
            "regime_reason": application.regime_reason,
            "outcome_notified_on": application.outcome_notified_on,
            "received_on": application.received_on,
            "first_received_by": (
                application.first_received_by.code if application.first_received_by else None
            ),
            "first_received_on": application.first_received_on,
            "applicant": application.applicant,
            "subject": application.subject,
            "criteria": [name for name in REVIEW_BODY_CRITERIA if getattr(application, name)],
            "summary": application.summary,
            "version": application.version,
        }


class ApplicationEditForm(ApplicationForm, govuk.VersionedForm):
    pass


class ForwardForm(govuk.VersionedForm):
    forwarded_to = govuk.OrganisationChoiceField(
        label="Forwarded to",
        help_text="The local policing body of the force's area.",
        queryset=organisations_for_choice(kinds=[Organisation.Kind.LOCAL_POLICING_BODY]),
        empty_label="Choose the local policing body",
        error_messages={
            "required": "Select who the application was forwarded to",
            "invalid_choice": "Choose the local policing body from the list",
        },
    )
    forwarded_on = govuk.GovukDateField(
        label="Date forwarded", label_for_errors="the date forwarded"
    )

    def __init__(self, *args, review_body: str = ReviewBody.LOCAL_POLICING_BODY, **kwargs):
        super().__init__(*args, **kwargs)
        if review_body == ReviewBody.CHIEF_OFFICER:
            # Before 2020 an appeal not for the oversight body went to the force's chief officer.
            field = self.fields["forwarded_to"]
            field.queryset = organisations_for_choice(forces_only=True)
            field.help_text = "The force that handled the complaint (its chief officer)."
            field.empty_label = "Choose the force"
            field.error_messages["invalid_choice"] = "Choose the force from the list"


class JudgeForm(govuk.VersionedForm):
    is_valid = forms.TypedChoiceField(
        label="Is the application valid?",
        choices=VALIDITY_CHOICES,
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the application is valid"},
    )
    invalid_reason = govuk.radios("If invalid, why", InvalidReason.choices)
    special_circumstances = govuk.text_area("If accepted although late, the special circumstances")
    validity_notes = govuk.text_area("Notes (required when the reason is another reason)")
    judged_on = govuk.GovukDateField(
        label="Date validity was judged", label_for_errors="the date validity was judged"
    )

    def __init__(self, *args, suggested_reason: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if suggested_reason:
            # Shown, never pre-ticked: a ticked radio cannot be unticked, and the review body
            # may still accept a late application for special circumstances.
            label = InvalidReason(suggested_reason).label.lower()
            self.fields[
                "invalid_reason"
            ].help_text = f"If you judge it invalid, the facts recorded point to: {label}."

    def clean(self):
        """Choosing "Valid" answers the reason question: a reason ticked before (a radio
        cannot be unticked) is dropped, and special circumstances only go with "Valid"."""
        data = super().clean()
        if data.get("is_valid") is True:
            data["invalid_reason"] = ""
        elif data.get("is_valid") is False:
            data["special_circumstances"] = ""
        return data


class DecideForm(govuk.VersionedForm):
    result = govuk.radios("Decision", Result.choices, error="Select the decision")
    follow_up = govuk.checkboxes("Follow-up directed (when upheld)", FollowUp.choices)
    decision_reasons = govuk.text_area("Reasons (optional)")
    decided_on = govuk.GovukDateField(
        label="Date of decision", label_for_errors="the date of the decision"
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        if kind == Kind.REVIEW:
            self.fields["result"].label = "Was the outcome reasonable and proportionate?"
            self.fields["result"].choices = [
                (Result.NOT_UPHELD, "Yes, reasonable and proportionate (not upheld)"),
                (Result.UPHELD, "No, not reasonable and proportionate (upheld)"),
            ]
            self.fields["result"].error_messages["required"] = (
                "Select whether the outcome was reasonable and proportionate"
            )
        else:
            self.fields["result"].label = "Is the appeal upheld?"
