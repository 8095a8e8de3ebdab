"""A person's details, allegations and outcomes; taking a person off."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views import View

from cases.investigations import selectors, services
from cases.investigations.forms import AllegationFormSet, SubjectOutcomeForm
from cases.investigations.views.common import allegation_inputs
from oversight.core.errors import ConflictError
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import ServiceFormView


class SubjectView(PermissionRequiredMixin, ServiceFormView):
    """Add a person, or change one person's details, allegations and outcomes."""

    permission_required = "cases.change_investigation"
    template_name = "cases/investigations/subject_form.html"
    form_class = SubjectOutcomeForm
    lookup = staticmethod(selectors.investigation_get)
    context_object_name = "investigation"

    def get_object(self):
        investigation = super().get_object()
        self.subject = None
        subject_id = self.kwargs.get("subject_id")
        if subject_id is not None:
            self.subject = next(
                (s for s in investigation.subjects.all() if s.pk == subject_id), None
            )
            if self.subject is None:
                raise Http404("No such person on this investigation.")
        return investigation

    def get_initial(self):
        subject = self.subject
        if subject is None:
            return {
                "version": self.object.version,
                "organisation": self.object.referral.organisation.code,
            }
        return {
            "version": self.object.version,
            "name": subject.name,
            "rank": subject.rank,
            "collar_number": subject.collar_number,
            "organisation": subject.organisation.code,
            "referred_to_cps": "yes" if subject.referred_to_cps else "no",
            "charging_decision": subject.charging_decision,
            "disciplinary_result": subject.disciplinary_result,
            "barred_list": "yes" if subject.barred_list else "no",
            "advisory_list": "yes" if subject.advisory_list else "no",
        }

    def get_formsets(self, data=None):
        allegations = self.subject.allegations.all() if self.subject else []
        if data is None:
            initial = [
                {
                    "id": a.pk,
                    "description": a.description,
                    "investigator_opinion": a.investigator_opinion,
                    "force_determination": a.force_determination,
                    "investigator_consequence": a.investigator_consequence,
                    "force_consequence": a.force_consequence,
                }
                for a in allegations
            ]
        else:
            initial = [{"id": a.pk} for a in allegations]
        return {"formset": AllegationFormSet(data, prefix="allegations", initial=initial)}

    def get_context_data(self, **context):
        return super().get_context_data(subject=self.subject, **context)

    def perform(self, form, formset):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        services.investigation_subject_save(
            actor=self.request.user,
            investigation=self.object,
            version=version,
            subject=services.SubjectInput(
                id=self.subject.pk if self.subject else None,
                allegations=allegation_inputs(formset),
                **data,
            ),
        )
        return f"{data['name']} saved."


class SubjectRemoveView(PermissionRequiredMixin, View):
    permission_required = "cases.change_investigation"

    def post(self, request, reference, subject_id):
        investigation = selectors.investigation_get(user=request.user, reference=reference)
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            raise Http404 from None
        try:
            services.investigation_subject_remove(
                actor=request.user,
                investigation=investigation,
                version=version,
                subject_id=subject_id,
            )
        except ConflictError as error:
            messages.error(request, error.message)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Person removed from the investigation.")
        return redirect(investigation)
