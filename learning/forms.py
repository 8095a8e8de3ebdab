"""Recommendation forms. They check the shape of the input; the services check the rules."""

from django import forms

from learning.models import ReceivedVia, RecommendationType, ResponseStatus, SourceKind
from oversight.core.forms import GovukDateField, GovukFormMixin, yes_no_field
from oversight.core.selectors import organisations_for_choice


class RecommendationForm(GovukFormMixin, forms.Form):
    """A draft: only where it comes from is needed now; the rest is needed to issue it."""

    source_kind = forms.ChoiceField(
        label="Where does the recommendation come from?",
        choices=SourceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the recommendation comes from"},
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
    theme = forms.CharField(
        label="Theme",
        help_text="For example, Custody, Mental health or Use of Taser.",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "theme-suggestions", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(
        label="Type of recommendation",
        choices=RecommendationType.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=20000,
    )
    is_statutory = yes_no_field(
        "Is it a statutory recommendation?",
        help_text="Made under paragraph 28A of Schedule 3 to the Police Reform Act 2002: the "
        "recipient must respond in writing within 56 days.",
        error="Select whether the recommendation is statutory",
    )


class RecommendationEditForm(RecommendationForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class IssueForm(GovukFormMixin, forms.Form):
    issued_on = GovukDateField(label="Date of issue", label_for_errors="the date of issue")
    version = forms.IntegerField(widget=forms.HiddenInput)


class ResponseForm(GovukFormMixin, forms.Form):
    """A liaison answering online: the date of the response is today."""

    status = forms.ChoiceField(
        label="The organisation's answer",
        choices=ResponseStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the recommendation is accepted"},
    )
    response = forms.CharField(
        label="Response",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        error_messages={"required": "Enter the organisation's response"},
    )
    is_final = yes_no_field(
        "Is this the organisation's final response?",
        help_text="Choose no for an interim response: you can send the final one later.",
        error="Select whether this is the final response",
    )
    publication_declined = yes_no_field(
        "Does the organisation ask that this response not be published?",
        help_text="Responses to statutory recommendations are published within 21 days "
        "unless the organisation asks in writing that they not be.",
        error="Select whether the response may be published",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class StaffResponseForm(ResponseForm):
    """Staff recording a response that arrived by email or on paper."""

    responded_on = GovukDateField(
        label="Date the response was received",
        label_for_errors="the date the response was received",
    )
    received_via = forms.ChoiceField(
        label="How was it received?",
        choices=[(ReceivedVia.EMAIL, "Email"), (ReceivedVia.PAPER, "Paper (by post)")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the response was received"},
    )
    field_order = [
        "status",
        "response",
        "responded_on",
        "received_via",
        "is_final",
        "publication_declined",
        "version",
    ]


class PlannedActionForm(GovukFormMixin, forms.Form):
    description = forms.CharField(label="Action", required=False, max_length=5000)
    due_on = GovukDateField(
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


class ExtensionForm(GovukFormMixin, forms.Form):
    requested_on = GovukDateField(
        label="Date the recipient asked for more time",
        help_text="An extension can only be granted on a request made before the response "
        "was due.",
        label_for_errors="the date of the request",
    )
    new_due_on = GovukDateField(label="New due date", label_for_errors="the new due date")
    reason = forms.CharField(
        label="Reasons (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ImplementForm(GovukFormMixin, forms.Form):
    implemented_on = GovukDateField(
        label="Date implemented", label_for_errors="the date implemented"
    )
    evidence = forms.CharField(
        label="Evidence of implementation",
        help_text="What shows the recommendation has been put into practice.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        error_messages={"required": "Describe the evidence of implementation"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class PublicationForm(GovukFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label="What do you want to record?",
        choices=[
            ("published", "The response has been published"),
            ("withheld", "The recipient asked in writing that it not be published"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you want to record"},
    )
    published_on = GovukDateField(
        label="Date published",
        label_for_errors="the date published",
        required=False,
        help_text="Only if it has been published.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "published" and not cleaned.get("published_on"):
            self.add_error("published_on", "Enter the date published")
        return cleaned
