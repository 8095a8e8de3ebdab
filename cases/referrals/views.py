"""Referral pages. Each view validates input, calls one service or selector, and renders."""

from django.shortcuts import render
from django.utils import timezone
from django.views import View

from cases.referrals import selectors, services
from cases.referrals.filters import ReferralFilter
from cases.referrals.forms import DecisionForm, ReferralEditForm, ReferralForm
from oversight.core.csv_export import streaming_csv
from oversight.core.formatting import yes_no
from oversight.core.paging import paginate
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.services import view_log_record
from oversight.core.views import ServiceFormView


class ReferralListView(PermissionRequiredMixin, View):
    permission_required = "cases.view_referral"

    def get(self, request):
        filterset = ReferralFilter(
            request.GET, queryset=selectors.referral_list(user=request.user)
        )
        referrals = filterset.qs
        context = {
            "filter": filterset,
            "today": timezone.localdate(),
            "export_query": request.GET.urlencode(),
            **paginate(request, referrals),
        }
        return render(request, "cases/referrals/referral_list.html", context)


CSV_COLUMNS = [
    ("Reference", lambda r: r.reference),
    ("Force", lambda r: r.organisation.name),
    ("Date received", lambda r: r.received_on.isoformat()),
    ("Type of matter", lambda r: r.get_matter_type_display()),
    ("Type of referral", lambda r: r.get_referral_type_display()),
    ("Decision due", lambda r: r.decision_due_on.isoformat()),
    ("Status", lambda r: r.get_status_display()),
    ("Mode", lambda r: r.get_mode_display()),
    ("Date of first decision", lambda r: r.decided_on.isoformat() if r.decided_on else ""),
    ("Decided within target", lambda r: yes_no(r.decided_within_target)),
]


class ReferralExportView(PermissionRequiredMixin, View):
    """The filtered list as CSV, streamed so that a large export does not hold memory."""

    permission_required = "cases.view_referral"

    def get(self, request):
        filterset = ReferralFilter(
            request.GET, queryset=selectors.referral_list(user=request.user)
        )
        return streaming_csv(
            filename="referrals.csv",
            header=[title for title, _ in CSV_COLUMNS],
            rows=(
                [value(referral) for _, value in CSV_COLUMNS]
                for referral in filterset.qs.iterator(chunk_size=2000)
            ),
        )


class ReferralDetailView(PermissionRequiredMixin, View):
    permission_required = "cases.view_referral"

    def get(self, request, reference):
        referral = selectors.referral_get(user=request.user, reference=reference)
        view_log_record(user=request.user, record=referral)
        context = {
            "referral": referral,
            "determinations": list(referral.determinations.all()),
            "history": selectors.referral_history(referral=referral),
            "today": timezone.localdate(),
        }
        return render(request, "cases/referrals/referral_detail.html", context)


class ReferralCreateView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "cases.add_referral"
    template_name = "cases/referrals/referral_form.html"
    form_class = ReferralForm
    extra_context = {"creating": True}

    def perform(self, form):
        self.object = services.referral_create(
            actor=self.request.user, today=self.today, **form.cleaned_data
        )
        return f"Referral {self.object.reference} logged."


class ReferralEditView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "cases.change_referral"
    template_name = "cases/referrals/referral_form.html"
    form_class = ReferralEditForm
    lookup = staticmethod(selectors.referral_get)
    context_object_name = "referral"

    def get_initial(self):
        referral = self.object
        return {
            "organisation": referral.organisation.code,
            "received_on": referral.received_on,
            "matter_type": referral.matter_type,
            "referral_type": referral.referral_type,
            "categories": referral.categories,
            "summary": referral.summary,
            "force_reference": referral.force_reference,
            "first_aware_on": referral.first_aware_on,
            "version": referral.version,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        services.referral_update(
            actor=self.request.user,
            referral=self.object,
            version=data.pop("version"),
            today=self.today,
            **data,
        )
        return f"Referral {self.object.reference} updated."


class ReferralDecideView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "cases.change_referral"
    template_name = "cases/referrals/referral_decide.html"
    form_class = DecisionForm
    lookup = staticmethod(selectors.referral_get)
    context_object_name = "referral"

    def get_initial(self):
        return {"version": self.object.version, "decided_on": self.today}

    def perform(self, form):
        services.referral_decide(
            actor=self.request.user, referral=self.object, today=self.today, **form.cleaned_data
        )
        return f"Decision recorded for {self.object.reference}."
