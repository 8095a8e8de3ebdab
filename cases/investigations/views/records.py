"""Opening, reading, editing an investigation and changing its status."""

from cases.investigations import rules, selectors, services
from cases.investigations.forms import (
    InvestigationEditForm,
    InvestigationForm,
    StatusForm,
    SubjectFormSet,
)
from cases.investigations.views.common import subject_inputs
from cases.referrals import selectors as referral_selectors
from oversight.core.notes.views import RecordNoteView
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import (
    RecordDetailView,
    RecordOwnerView,
    RecordTakeView,
    ServiceFormView,
)


class InvestigationOpenView(PermissionRequiredMixin, ServiceFormView):
    """Open an investigation from a referral decided as independent or directed."""

    permission_required = "cases.add_investigation"
    template_name = "cases/investigations/investigation_open.html"
    form_class = InvestigationForm
    context_object_name = "referral"

    def get_object(self):
        return referral_selectors.referral_get(
            user=self.request.user, reference=self.kwargs["referral_reference"]
        )

    def get_initial(self):
        return {
            "started_on": self.today,
            "lead_investigator": self.request.user.username,
            "first_aware_on": self.object.first_aware_on,
            "is_major": "no",
        }

    def get_formsets(self, data=None):
        return {"formset": SubjectFormSet(data, prefix="subjects")}

    def get_context_data(self, **context):
        problem = services.investigation_openable_error(self.object)
        return super().get_context_data(problem=problem, **context)

    def perform(self, form, formset):
        referral = self.object
        self.object = services.investigation_open(
            actor=self.request.user,
            referral=referral,
            today=self.today,
            subjects=subject_inputs(formset, referral),
            **form.cleaned_data,
        )
        return f"Investigation {self.object.reference} opened."


class InvestigationDetailView(PermissionRequiredMixin, RecordDetailView):
    permission_required = "cases.view_investigation"
    template_name = "cases/investigations/investigation_detail.html"
    lookup = staticmethod(selectors.investigation_get)
    context_object_name = "investigation"

    def get_context_data(self, investigation):
        notices = selectors.notice_schedule(investigation, self.today)
        return {
            "referral": investigation.referral,
            "subjects": list(investigation.subjects.all()),
            "themes": list(investigation.themes.all()),
            "timeline": selectors.investigation_timeline(investigation),
            "notices": notices,
            "notice_due_now": any(row.state == "needed" for row in notices),
            "history": selectors.investigation_history(investigation=investigation),
            "recommendations": selectors.investigation_recommendations(
                investigation=investigation
            ),
            "next_statuses": rules.next_statuses(investigation.status),
        }


class InvestigationEditView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "cases.change_investigation"
    template_name = "cases/investigations/investigation_form.html"
    form_class = InvestigationEditForm
    lookup = staticmethod(selectors.investigation_get)
    context_object_name = "investigation"

    def get_form_kwargs(self):
        return {
            "themes_on_record": self.object.themes.all(),
            "completed": not self.object.is_open,
            "regime": self.object.regime,
        }

    def get_initial(self):
        investigation = self.object
        return {
            "mode": investigation.mode,
            "started_on": investigation.started_on,
            "lead_investigator": getattr(investigation.lead_investigator, "username", None),
            "themes": [theme.code for theme in investigation.themes.all()],
            "is_major": "yes" if investigation.is_major else "no",
            "first_aware_on": investigation.first_aware_on,
            "completed_on": investigation.completed_on,
            "version": investigation.version,
        }

    def get_formsets(self, data=None):
        subjects = self.object.subjects.all()
        if data is None:
            initial = [
                {
                    "id": subject.pk,
                    "name": subject.name,
                    "rank": subject.rank,
                    "collar_number": subject.collar_number,
                    "organisation": subject.organisation.code,
                }
                for subject in subjects
            ]
        else:
            initial = [{"id": subject.pk} for subject in subjects]
        return {"formset": SubjectFormSet(data, prefix="subjects", initial=initial)}

    def perform(self, form, formset):
        data = dict(form.cleaned_data)
        services.investigation_update(
            actor=self.request.user,
            investigation=self.object,
            version=data.pop("version"),
            today=self.today,
            subjects=subject_inputs(formset, self.object.referral),
            **data,
        )
        return f"Investigation {self.object.reference} updated."


class InvestigationStatusView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "cases.change_investigation"
    template_name = "cases/investigations/investigation_status.html"
    form_class = StatusForm
    lookup = staticmethod(selectors.investigation_get)
    context_object_name = "investigation"
    error_aliases = {"completed_on": "changed_on", "status_changed_on": "changed_on"}
    service = staticmethod(services.investigation_change_status)

    def get_form_kwargs(self):
        return {"current_status": self.object.status}

    def get_initial(self):
        return {"version": self.object.version, "changed_on": self.today}

    def perform(self, form):
        self.call_service(**form.cleaned_data)
        verb = "completed" if form.cleaned_data["status"] == "completed" else "updated"
        return f"Investigation {self.object.reference} {verb}."


class InvestigationTakeView(RecordTakeView):
    """Assign to me."""

    lookup = staticmethod(selectors.investigation_get)


class InvestigationOwnerView(RecordOwnerView):
    """Change owner (managers)."""

    lookup = staticmethod(selectors.investigation_get)


class InvestigationNoteView(RecordNoteView):
    """Add a note."""

    lookup = staticmethod(selectors.investigation_get)
