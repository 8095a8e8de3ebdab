"""Opening, reading, editing an investigation and changing its status."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from cases.investigations import rules, selectors, services
from cases.investigations.forms import (
    InvestigationEditForm,
    InvestigationForm,
    StatusForm,
    SubjectFormSet,
    add_service_errors,
)
from cases.investigations.views.common import investigation_or_404, subject_inputs
from cases.referrals import selectors as referral_selectors
from oversight.core.errors import ConflictError
from oversight.core.permissions import StaffOnlyMixin
from oversight.core.services import view_log_record

STATUS_DATE_ALIASES = {"completed_on": "changed_on", "status_changed_on": "changed_on"}


class InvestigationOpenView(StaffOnlyMixin, View):
    """Open an investigation from a referral decided as independent or directed."""

    template = "cases/investigations/investigation_open.html"

    def _context(self, referral, form, formset):
        return {
            "referral": referral,
            "problem": services.investigation_openable_error(referral),
            "form": form,
            "formset": formset,
        }

    def get(self, request, referral_reference):
        referral = referral_selectors.referral_get(user=request.user, reference=referral_reference)
        form = InvestigationForm(
            initial={
                "started_on": timezone.localdate(),
                "lead_investigator": request.user.username,
                "first_aware_on": referral.first_aware_on,
                "is_major": "no",
            }
        )
        formset = SubjectFormSet(prefix="subjects")
        return render(request, self.template, self._context(referral, form, formset))

    def post(self, request, referral_reference):
        referral = referral_selectors.referral_get(user=request.user, reference=referral_reference)
        form = InvestigationForm(request.POST)
        formset = SubjectFormSet(request.POST, prefix="subjects")
        if form.is_valid() and formset.is_valid():
            try:
                investigation = services.investigation_open(
                    actor=request.user,
                    referral=referral,
                    today=timezone.localdate(),
                    subjects=subject_inputs(formset, referral),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Investigation {investigation.reference} opened.")
                return redirect("investigations:investigation-detail", investigation.reference)
        return render(request, self.template, self._context(referral, form, formset))


class InvestigationDetailView(StaffOnlyMixin, View):
    def get(self, request, reference):
        investigation = investigation_or_404(request, reference)
        view_log_record(user=request.user, record=investigation)
        today = timezone.localdate()
        notices = selectors.notice_schedule(investigation, today)
        context = {
            "investigation": investigation,
            "referral": investigation.referral,
            "subjects": list(investigation.subjects.all()),
            "themes": list(investigation.themes.all()),
            "timeline": selectors.investigation_timeline(investigation),
            "notices": notices,
            "notice_due_now": any(row.state == "needed" for row in notices),
            "history": selectors.investigation_history(investigation=investigation),
            "next_statuses": rules.next_statuses(investigation.status),
            "today": today,
        }
        return render(request, "cases/investigations/investigation_detail.html", context)


class InvestigationEditView(StaffOnlyMixin, View):
    template = "cases/investigations/investigation_form.html"

    def get(self, request, reference):
        investigation = investigation_or_404(request, reference)
        form = InvestigationEditForm(
            initial={
                "mode": investigation.mode,
                "started_on": investigation.started_on,
                "lead_investigator": getattr(investigation.lead_investigator, "username", None),
                "themes": [theme.code for theme in investigation.themes.all()],
                "is_major": "yes" if investigation.is_major else "no",
                "first_aware_on": investigation.first_aware_on,
                "completed_on": investigation.completed_on,
                "version": investigation.version,
            },
            themes_on_record=investigation.themes.all(),
            completed=not investigation.is_open,
        )
        formset = SubjectFormSet(
            prefix="subjects",
            initial=[
                {
                    "id": subject.pk,
                    "name": subject.name,
                    "rank": subject.rank,
                    "collar_number": subject.collar_number,
                    "organisation": subject.organisation.code,
                }
                for subject in investigation.subjects.all()
            ],
        )
        return render(
            request,
            self.template,
            {"form": form, "formset": formset, "investigation": investigation},
        )

    def post(self, request, reference):
        investigation = investigation_or_404(request, reference)
        form = InvestigationEditForm(
            request.POST,
            themes_on_record=investigation.themes.all(),
            completed=not investigation.is_open,
        )
        formset = SubjectFormSet(
            request.POST,
            prefix="subjects",
            initial=[{"id": subject.pk} for subject in investigation.subjects.all()],
        )
        if form.is_valid() and formset.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.investigation_update(
                    actor=request.user,
                    investigation=investigation,
                    version=version,
                    today=timezone.localdate(),
                    subjects=subject_inputs(formset, investigation.referral),
                    **data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Investigation {investigation.reference} updated.")
                return redirect("investigations:investigation-detail", investigation.reference)
        return render(
            request,
            self.template,
            {"form": form, "formset": formset, "investigation": investigation},
        )


class InvestigationStatusView(StaffOnlyMixin, View):
    template = "cases/investigations/investigation_status.html"

    def get(self, request, reference):
        investigation = investigation_or_404(request, reference)
        form = StatusForm(
            current_status=investigation.status,
            initial={"version": investigation.version, "changed_on": timezone.localdate()},
        )
        return render(request, self.template, {"form": form, "investigation": investigation})

    def post(self, request, reference):
        investigation = investigation_or_404(request, reference)
        form = StatusForm(request.POST, current_status=investigation.status)
        if form.is_valid():
            try:
                services.investigation_change_status(
                    actor=request.user,
                    investigation=investigation,
                    today=timezone.localdate(),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error, STATUS_DATE_ALIASES)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                status = form.cleaned_data["status"]
                verb = "completed" if status == "completed" else "updated"
                messages.success(request, f"Investigation {investigation.reference} {verb}.")
                return redirect("investigations:investigation-detail", investigation.reference)
        return render(request, self.template, {"form": form, "investigation": investigation})
