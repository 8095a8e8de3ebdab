"""A person's details, allegations and outcomes; taking a person off."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View

from cases.investigations import services
from cases.investigations.forms import AllegationFormSet, SubjectOutcomeForm, add_service_errors
from cases.investigations.views.common import allegation_inputs, investigation_or_404
from cases.models import Subject
from oversight.core.errors import ConflictError
from oversight.core.permissions import StaffOnlyMixin


class SubjectView(StaffOnlyMixin, View):
    """Add a person, or change one person's details, allegations and outcomes."""

    template = "cases/investigations/subject_form.html"

    def _subject(self, investigation, subject_id) -> Subject | None:
        if subject_id is None:
            return None
        for subject in investigation.subjects.all():
            if subject.pk == subject_id:
                return subject
        raise Http404("No such person on this investigation.")

    def get(self, request, reference, subject_id=None):
        investigation = investigation_or_404(request, reference)
        subject = self._subject(investigation, subject_id)
        initial = {"version": investigation.version, "organisation": None}
        allegations = []
        if subject is None:
            initial["organisation"] = investigation.referral.organisation.code
        else:
            initial.update(
                name=subject.name,
                rank=subject.rank,
                collar_number=subject.collar_number,
                organisation=subject.organisation.code,
                referred_to_cps="yes" if subject.referred_to_cps else "no",
                charging_decision=subject.charging_decision,
                disciplinary_result=subject.disciplinary_result,
                barred_list="yes" if subject.barred_list else "no",
            )
            allegations = [
                {
                    "id": a.pk,
                    "description": a.description,
                    "investigator_opinion": a.investigator_opinion,
                    "force_determination": a.force_determination,
                }
                for a in subject.allegations.all()
            ]
        form = SubjectOutcomeForm(initial=initial)
        formset = AllegationFormSet(prefix="allegations", initial=allegations)
        return render(request, self.template, self._context(investigation, subject, form, formset))

    def _context(self, investigation, subject, form, formset):
        return {
            "investigation": investigation,
            "subject": subject,
            "form": form,
            "formset": formset,
        }

    def post(self, request, reference, subject_id=None):
        investigation = investigation_or_404(request, reference)
        subject = self._subject(investigation, subject_id)
        form = SubjectOutcomeForm(request.POST)
        existing = [{"id": a.pk} for a in subject.allegations.all()] if subject else []
        formset = AllegationFormSet(request.POST, prefix="allegations", initial=existing)
        if form.is_valid() and formset.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.investigation_subject_save(
                    actor=request.user,
                    investigation=investigation,
                    version=version,
                    subject=services.SubjectInput(
                        id=subject.pk if subject else None,
                        allegations=allegation_inputs(formset),
                        **data,
                    ),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"{data['name']} saved.")
                return redirect("investigations:investigation-detail", investigation.reference)
        return render(request, self.template, self._context(investigation, subject, form, formset))


class SubjectRemoveView(StaffOnlyMixin, View):
    def post(self, request, reference, subject_id):
        investigation = investigation_or_404(request, reference)
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
        return redirect("investigations:investigation-detail", investigation.reference)
