"""Application pages. Each view validates input, calls one service or selector, and renders."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from appeals import rules, selectors, services
from appeals.filters import ApplicationFilter
from appeals.forms import ApplicationEditForm, ApplicationForm, DecideForm, ForwardForm, JudgeForm
from appeals.models import Status
from oversight.core.csv_export import streaming_csv
from oversight.core.errors import ConflictError
from oversight.core.paging import paginate
from oversight.core.permissions import StaffOnlyMixin
from oversight.core.services import view_log_record


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's errors next to their fields, or in the summary if the form lacks one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        target = field if field in form.fields else None
        for message in messages_:
            form.add_error(None if field == NON_FIELD_ERRORS else target, message)


class ApplicationListView(StaffOnlyMixin, View):
    def get(self, request):
        today = timezone.localdate()
        visible = selectors.application_list(user=request.user)
        filterset = ApplicationFilter(request.GET, queryset=visible)
        context = {
            "filter": filterset,
            "today": today,
            "export_query": request.GET.urlencode(),
            "ageing": selectors.application_ageing(queryset=filterset.qs, today=today),
            **paginate(request, filterset.qs),
        }
        return render(request, "appeals/application_list.html", context)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


CSV_COLUMNS = [
    ("Reference", lambda a: a.reference),
    ("Force", lambda a: a.organisation.name),
    ("Force's complaint reference", lambda a: a.force_reference),
    ("Kind", lambda a: a.get_kind_display()),
    ("About", lambda a: a.get_subject_display()),
    ("Complaint made", lambda a: a.complaint_made_on.isoformat()),
    ("Outcome notified", lambda a: a.outcome_notified_on.isoformat()),
    ("Received", lambda a: a.received_on.isoformat()),
    ("Made in time", lambda a: _yes_no(a.made_in_time)),
    ("Relevant review body", lambda a: a.get_review_body_display()),
    ("Status", lambda a: a.get_status_display()),
    ("Valid", lambda a: _yes_no(a.is_valid)),
    ("Reason invalid", lambda a: a.get_invalid_reason_display()),
    ("Decided", lambda a: a.decided_on.isoformat() if a.decided_on else ""),
    ("Result", lambda a: a.result),
    ("Decision", lambda a: a.result_label),
]


class ApplicationExportView(StaffOnlyMixin, View):
    """The filtered list as CSV, streamed so that a large export does not hold memory."""

    def get(self, request):
        filterset = ApplicationFilter(
            request.GET, queryset=selectors.application_list(user=request.user)
        )
        return streaming_csv(
            filename="applications.csv",
            header=[title for title, _ in CSV_COLUMNS],
            rows=(
                [value(application) for _, value in CSV_COLUMNS]
                for application in filterset.qs.iterator(chunk_size=2000)
            ),
        )


class ApplicationCreateView(StaffOnlyMixin, View):
    template = "appeals/application_form.html"

    def get(self, request):
        form = ApplicationForm(initial={"applicant": "complainant"})
        return render(request, self.template, {"form": form, "creating": True})

    def post(self, request):
        form = ApplicationForm(request.POST)
        if form.is_valid():
            try:
                application = services.application_create(
                    actor=request.user, today=timezone.localdate(), **form.details()
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                note = "" if application.made_in_time else " It was made late."
                messages.success(request, f"Application {application.reference} recorded.{note}")
                return redirect("appeals:application-detail", reference=application.reference)
        return render(request, self.template, {"form": form, "creating": True})


class ApplicationDetailView(StaffOnlyMixin, View):
    def get(self, request, reference):
        application = selectors.application_get(user=request.user, reference=reference)
        view_log_record(user=request.user, record=application)
        today = timezone.localdate()
        context = {
            "application": application,
            "history": selectors.application_history(application=application),
            "today": today,
            "age_in_days": rules.age_in_days(application.received_on, today),
            "may_forward": application.status == Status.RECEIVED
            and not application.is_with_oversight_body,
            "may_judge": application.status in (Status.RECEIVED, Status.VALID, Status.INVALID)
            and application.is_with_oversight_body,
            "may_decide": application.status == Status.VALID,
        }
        return render(request, "appeals/application_detail.html", context)


class ApplicationEditView(StaffOnlyMixin, View):
    template = "appeals/application_form.html"

    def get(self, request, reference):
        application = selectors.application_get(user=request.user, reference=reference)
        form = ApplicationEditForm(initial=ApplicationForm.initial_from(application))
        return render(request, self.template, {"form": form, "application": application})

    def post(self, request, reference):
        application = selectors.application_get(user=request.user, reference=reference)
        form = ApplicationEditForm(request.POST)
        if form.is_valid():
            try:
                updated = services.application_update(
                    actor=request.user,
                    application=application,
                    version=form.cleaned_data["version"],
                    today=timezone.localdate(),
                    **form.details(),
                )
            except ValidationError as error:
                _add_errors(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                renamed = updated.reference != application.reference
                note = f" It is now {updated.reference}." if renamed else ""
                messages.success(request, f"Application {application.reference} updated.{note}")
                return redirect("appeals:application-detail", reference=updated.reference)
        return render(request, self.template, {"form": form, "application": application})


class _TransitionView(StaffOnlyMixin, View):
    """A form that moves an application on one step, through one service."""

    template: str
    form_class: type
    done: str

    def make_form(self, application, data=None):
        return self.form_class(data, initial=self.initial(application))

    def initial(self, application) -> dict:
        return {"version": application.version}

    def context(self, application, form) -> dict:
        return {"form": form, "application": application, "today": timezone.localdate()}

    def get(self, request, reference):
        application = selectors.application_get(user=request.user, reference=reference)
        form = self.make_form(application)
        return render(request, self.template, self.context(application, form))

    def post(self, request, reference):
        application = selectors.application_get(user=request.user, reference=reference)
        form = self.make_form(application, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                self.call(request.user, application, data)
            except ValidationError as error:
                _add_errors(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, self.done.format(reference=application.reference))
                return redirect("appeals:application-detail", reference=application.reference)
        return render(request, self.template, self.context(application, form))


class ApplicationForwardView(_TransitionView):
    template = "appeals/application_forward.html"
    form_class = ForwardForm
    done = "Application {reference} recorded as forwarded."

    def initial(self, application):
        return {"version": application.version, "forwarded_on": timezone.localdate()}

    def call(self, user, application, data):
        services.application_forward(
            actor=user, application=application, today=timezone.localdate(), **data
        )


class ApplicationJudgeView(_TransitionView):
    template = "appeals/application_judge.html"
    form_class = JudgeForm
    done = "Validity recorded for {reference}."

    def initial(self, application):
        initial = {"version": application.version, "judged_on": timezone.localdate()}
        if application.is_valid is not None:
            initial.update(
                is_valid="true" if application.is_valid else "false",
                invalid_reason=application.invalid_reason,
                special_circumstances=application.special_circumstances,
                validity_notes=application.validity_notes,
            )
        else:
            initial["invalid_reason"] = rules.suggested_invalid_reason(
                in_time=application.made_in_time, applicant=application.applicant
            )
        return initial

    def call(self, user, application, data):
        services.application_judge(
            actor=user, application=application, today=timezone.localdate(), **data
        )


class ApplicationDecideView(_TransitionView):
    template = "appeals/application_decide.html"
    form_class = DecideForm
    done = "Decision recorded for {reference}."

    def make_form(self, application, data=None):
        return DecideForm(data, initial=self.initial(application), kind=application.kind)

    def initial(self, application):
        return {"version": application.version, "decided_on": timezone.localdate()}

    def call(self, user, application, data):
        services.application_decide(
            actor=user, application=application, today=timezone.localdate(), **data
        )
