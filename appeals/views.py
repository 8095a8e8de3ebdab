"""Application pages. Each view validates input, calls one service or selector, and renders."""

from appeals import rules, selectors, services
from appeals.filters import ApplicationFilter
from appeals.forms import ApplicationEditForm, ApplicationForm, DecideForm, ForwardForm, JudgeForm
from appeals.models import ReviewBody, Status
from oversight.core.formatting import yes_no
from oversight.core.notes.views import RecordNoteView
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import (
    OWNER_COLUMN,
    CsvExportView,
    FilteredListView,
    RecordDetailView,
    RecordOwnerView,
    RecordTakeView,
    ServiceFormView,
)


class ApplicationListView(PermissionRequiredMixin, FilteredListView):
    permission_required = "appeals.view_application"
    template_name = "appeals/application_list.html"
    filterset_class = ApplicationFilter
    selector = staticmethod(selectors.application_list)

    def get_context_data(self, filterset):
        return {"ageing": selectors.application_ageing(queryset=filterset.qs, today=self.today)}


CSV_COLUMNS = [
    ("Reference", lambda a, today: a.reference),
    ("Force", lambda a, today: a.organisation.name),
    ("Force's complaint reference", lambda a, today: a.force_reference),
    ("Kind", lambda a, today: a.get_kind_display()),
    ("About", lambda a, today: a.get_subject_display()),
    ("Complaint made", lambda a, today: a.complaint_made_on.isoformat()),
    ("Outcome notified", lambda a, today: a.outcome_notified_on.isoformat()),
    ("Received", lambda a, today: a.received_on.isoformat()),
    (
        "First received by",
        lambda a, today: a.first_received_by.name if a.first_received_by else "",
    ),
    (
        "Date first received",
        lambda a, today: a.first_received_on.isoformat() if a.first_received_on else "",
    ),
    ("Made in time", lambda a, today: yes_no(a.made_in_time)),
    ("Relevant review body", lambda a, today: a.get_review_body_display()),
    ("Status", lambda a, today: a.get_status_display()),
    ("Forwarded to", lambda a, today: a.forwarded_to_label),
    ("Date forwarded", lambda a, today: a.forwarded_on.isoformat() if a.forwarded_on else ""),
    ("Valid", lambda a, today: yes_no(a.is_valid)),
    ("Reason invalid", lambda a, today: a.get_invalid_reason_display()),
    ("Decided", lambda a, today: a.decided_on.isoformat() if a.decided_on else ""),
    ("Result", lambda a, today: a.result),
    ("Decision", lambda a, today: a.result_label),
    OWNER_COLUMN,
]


class ApplicationExportView(CsvExportView, ApplicationListView):
    """The filtered list as CSV."""

    filename = "applications.csv"
    columns = CSV_COLUMNS


class ApplicationCreateView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "appeals.add_application"
    template_name = "appeals/application_form.html"
    form_class = ApplicationForm
    extra_context = {"creating": True}

    def get_initial(self):
        return {"applicant": "complainant"}

    def perform(self, form):
        self.object = services.application_create(
            actor=self.request.user, today=self.today, **form.details()
        )
        note = "" if self.object.made_in_time else " It was made late."
        return f"Application {self.object.reference} recorded.{note}"


class ApplicationDetailView(PermissionRequiredMixin, RecordDetailView):
    permission_required = "appeals.view_application"
    template_name = "appeals/application_detail.html"
    lookup = staticmethod(selectors.application_get)
    context_object_name = "application"

    def get_context_data(self, application):
        return {
            "history": selectors.application_history(application=application),
            "recommendations": selectors.application_recommendations(application=application),
            "age_in_days": rules.age_in_days(application.received_on, self.today),
            "may_forward": application.status == Status.RECEIVED
            and not application.is_with_oversight_body,
            "may_judge": application.status in (Status.RECEIVED, Status.VALID, Status.INVALID)
            and application.is_with_oversight_body,
            "may_decide": application.status == Status.VALID,
        }


class _ApplicationStepView(PermissionRequiredMixin, ServiceFormView):
    """A form that changes an application through one service."""

    permission_required = "appeals.change_application"
    lookup = staticmethod(selectors.application_get)
    context_object_name = "application"


class ApplicationEditView(_ApplicationStepView):
    template_name = "appeals/application_form.html"
    form_class = ApplicationEditForm

    def get_initial(self):
        return ApplicationForm.initial_from(self.object)

    def perform(self, form):
        before = self.object.reference
        self.object = services.application_update(
            actor=self.request.user,
            application=self.object,
            version=form.cleaned_data["version"],
            today=self.today,
            **form.details(),
        )
        renamed = self.object.reference != before
        note = f" It is now {self.object.reference}." if renamed else ""
        return f"Application {before} updated.{note}"


class ApplicationForwardView(_ApplicationStepView):
    template_name = "appeals/application_forward.html"
    form_class = ForwardForm

    def get_initial(self):
        force = self.object.organisation
        if self.object.review_body == ReviewBody.CHIEF_OFFICER:
            to = force.code
        else:
            to = force.local_policing_body.code if force.local_policing_body_id else None
        return {"version": self.object.version, "forwarded_on": self.today, "forwarded_to": to}

    def get_form_kwargs(self):
        return {"review_body": self.object.review_body}

    service = staticmethod(services.application_forward)
    success_message = "Application {object.reference} recorded as forwarded."


class ApplicationJudgeView(_ApplicationStepView):
    template_name = "appeals/application_judge.html"
    form_class = JudgeForm

    def get_initial(self):
        application = self.object
        initial = {"version": application.version, "judged_on": self.today}
        if application.is_valid is not None:
            initial.update(
                is_valid="true" if application.is_valid else "false",
                invalid_reason=application.invalid_reason,
                special_circumstances=application.special_circumstances,
                validity_notes=application.validity_notes,
            )
        return initial

    def get_form_kwargs(self):
        application = self.object
        if application.is_valid is not None:
            return {}
        return {
            "suggested_reason": rules.suggested_invalid_reason(
                in_time=application.made_in_time, applicant=application.applicant
            )
        }

    service = staticmethod(services.application_judge)
    success_message = "Validity recorded for {object.reference}."


class ApplicationDecideView(_ApplicationStepView):
    template_name = "appeals/application_decide.html"
    form_class = DecideForm

    def get_form_kwargs(self):
        return {"kind": self.object.kind}

    def get_initial(self):
        return {"version": self.object.version, "decided_on": self.today}

    service = staticmethod(services.application_decide)
    success_message = "Decision recorded for {object.reference}."


class ApplicationTakeView(RecordTakeView):
    """Assign to me."""

    lookup = staticmethod(selectors.application_get)


class ApplicationOwnerView(RecordOwnerView):
    """Change owner (managers)."""

    lookup = staticmethod(selectors.application_get)


class ApplicationNoteView(RecordNoteView):
    """Add a note."""

    lookup = staticmethod(selectors.application_get)
