"""Recommendation forms. They check the shape of the input; the services check the rules."""

from django import forms

from cases.investigations.selectors import themes_for_choice
from cases.models import Theme
from learning.models import (
    PublicationDecision,
    ReceivedVia,
    RecommendationKind,
    RecommendationType,
    ResponseStatus,
    SourceKind,
)
from oversight.core import forms as govuk
from oversight.core.selectors import organisations_for_choice


class RecommendationForm(govuk.GovukForm):
    """A draft: only where it comes from is needed now; the rest is needed to issue it."""

    source_kind = govuk.radios(
        "Where does the recommendation come from?",
        SourceKind.choices,
        error="Select where the recommendation comes from",
    )
    source_reference = forms.CharField(
        label="Investigation or application reference",
        help_text="For example, INV-2024-000123, APP-2019-000045 or REV-2024-000067. "
        "Leave blank for thematic work.",
        required=False,
        max_length=20,
    )
    recipient = forms.ModelChoiceField(
        queryset=organisations_for_choice(),
        to_field_name="code",
        label="Recipient",
        help_text="The force or national body the recommendation is for.",
        empty_label="Choose an organisation",
        required=False,
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )
    theme = forms.ModelChoiceField(
        queryset=themes_for_choice(),
        to_field_name="code",
        label="Theme",
        help_text="The thematic area. Admins edit the list.",
        empty_label="Choose a theme",
        required=False,
        error_messages={"invalid_choice": "Choose a theme from the list of thematic areas"},
    )
    type = govuk.radios("Type of recommendation", RecommendationType.choices)
    text = govuk.text_area("Recommendation", rows=6, max_length=20000)
    is_statutory = govuk.yes_no_field(
        "Is it a statutory recommendation?",
        help_text="Made under paragraph 28A of Schedule 3 to the Police Reform Act 2002: the "
        "recipient must respond in writing within 56 days. One after a review or appeal is "
        "always owed a response, within 28 days.",
        error="Select whether the recommendation is statutory",
    )
    kind = govuk.radios(
        "What kind of recommendation is it?",
        RecommendationKind.choices,
        help_text="One made after a review or appeal (paragraph 28ZA of Schedule 3) comes from "
        "that application.",
    )

    def clean_kind(self):
        return self.cleaned_data.get("kind") or RecommendationKind.LEARNING


class RecommendationEditForm(RecommendationForm, govuk.VersionedForm):
    """A draft's theme stays on offer even if it has since been retired from the list."""

    def __init__(self, *args, theme_on_record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if theme_on_record is not None:
            keep = Theme.objects.filter(pk=theme_on_record.pk)
            self.fields["theme"].queryset = themes_for_choice(keep=keep)


class IssueForm(govuk.VersionedForm):
    issued_on = govuk.GovukDateField(label="Date of issue", label_for_errors="the date of issue")


class ResponseForm(govuk.VersionedForm):
    """A liaison answering online: the date of the response is today."""

    status = govuk.radios(
        "The organisation's answer",
        ResponseStatus.choices,
        error="Select whether the recommendation is accepted",
    )
    response = govuk.text_area(
        "Response", rows=8, max_length=20000, error="Enter the organisation's response"
    )
    is_final = govuk.yes_no_field(
        "Is this the organisation's final response?",
        help_text="Choose no for an interim response: you can send the final one later.",
        error="Select whether this is the final response",
    )
    representations = govuk.text_area(
        "Representations against publication (optional)",
        rows=4,
        max_length=20000,
        help_text="Responses to statutory recommendations are published within 21 days "
        "(paragraph 28B(5)). If the organisation asks that the response, or parts of it, not "
        "be published, say which parts and why: the oversight body decides (paragraph "
        "28B(6) and (7)).",
    )


class StaffResponseForm(ResponseForm):
    """Staff recording a response that arrived by email or on paper."""

    responded_on = govuk.GovukDateField(
        label="Date the response was received",
        label_for_errors="the date the response was received",
    )
    received_via = govuk.radios(
        "How was it received?",
        [(ReceivedVia.EMAIL, "Email"), (ReceivedVia.PAPER, "Paper (by post)")],
        error="Select how the response was received",
    )
    receipt_reason = govuk.text_area(
        "Reason for recording it after the day it was received (if it was)",
        rows=3,
        max_length=2000,
        help_text="For example, a letter opened late. Needed when the date received is "
        "before today.",
    )
    field_order = [
        "status",
        "response",
        "responded_on",
        "receipt_reason",
        "received_via",
        "is_final",
        "representations",
        "version",
    ]


class PlannedActionForm(govuk.GovukForm):
    description = forms.CharField(label="Action", required=False, max_length=5000)
    due_on = govuk.GovukDateField(
        label="Planned date (optional)", label_for_errors="the planned date", required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("due_on") and not cleaned.get("description"):
            self.add_error("description", "Describe the action planned for this date")
        return cleaned


PlannedActionFormSet = forms.formset_factory(PlannedActionForm, extra=3, max_num=10)


def planned_actions_from(formset) -> list[dict]:
    """The filled-in rows of a valid planned-action formset."""
    return [
        {"description": f.cleaned_data["description"], "due_on": f.cleaned_data.get("due_on")}
        for f in formset.forms
        if f.cleaned_data.get("description")
    ]


class ExtensionForm(govuk.VersionedForm):
    requested_on = govuk.GovukDateField(
        label="Date the recipient asked for more time",
        help_text="An extension can only be granted on a request made before the response "
        "was due.",
        label_for_errors="the date of the request",
    )
    new_due_on = govuk.GovukDateField(label="New due date", label_for_errors="the new due date")
    reason = govuk.text_area("Reasons (optional)", rows=3, max_length=None)


class ImplementForm(govuk.VersionedForm):
    implemented_on = govuk.GovukDateField(
        label="Date implemented", label_for_errors="the date implemented"
    )
    evidence = govuk.text_area(
        "Evidence of implementation",
        rows=5,
        max_length=20000,
        help_text="What shows the recommendation has been put into practice.",
        error="Describe the evidence of implementation",
    )


class PublicationForm(govuk.GovukForm):
    published_on = govuk.GovukDateField(
        label="Date published", label_for_errors="the date published"
    )


class PublicationDecisionForm(govuk.GovukForm):
    """The decision on the organisation's representations against publication (28B(7))."""

    decision = govuk.radios(
        "What has been decided?",
        PublicationDecision.choices,
        error="Select whether to publish the response in full, in part or not at all",
    )
    published_text = govuk.text_area(
        "The parts to be published",
        rows=8,
        max_length=20000,
        help_text="Only when publishing in part: the text as it will be published.",
    )
    reasons = govuk.text_area(
        "Reasons for the decision", rows=4, error="Give the reasons for the decision"
    )
    decided_on = govuk.GovukDateField(
        label="Date of the decision", label_for_errors="the date of the decision"
    )


class JudicialReviewStartForm(govuk.VersionedForm):
    started_on = govuk.GovukDateField(
        label="Date the proceedings started",
        help_text="Only proceedings started on or before the date the response is due "
        "extend the period.",
        label_for_errors="the date the proceedings started",
    )


class JudicialReviewEndForm(govuk.VersionedForm):
    ended_on = govuk.GovukDateField(
        label="Date the proceedings ended", label_for_errors="the date the proceedings ended"
    )
