"""Referral pages. Each view validates input, calls one service or selector, and renders."""

from cases.referrals import selectors, services
from cases.referrals.filters import ReferralFilter
from cases.referrals.forms import DecisionForm, ReferralEditForm, ReferralForm
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


class ReferralListView(PermissionRequiredMixin, FilteredListView):
    permission_required = "cases.view_referral"
    template_name = "cases/referrals/referral_list.html"
    filterset_class = ReferralFilter
    selector = staticmethod(selectors.referral_list)


CSV_COLUMNS = [
    ("Reference", lambda r, today: r.reference),
    ("Force", lambda r, today: r.organisation.name),
    ("Date received", lambda r, today: r.received_on.isoformat()),
    ("Type of matter", lambda r, today: r.get_matter_type_display()),
    ("Type of referral", lambda r, today: r.get_referral_type_display()),
    ("Regime", lambda r, today: r.get_regime_display()),
    ("Decision due", lambda r, today: r.decision_due_on.isoformat()),
    ("Status", lambda r, today: r.get_status_display()),
    ("Mode", lambda r, today: r.get_mode_display()),
    ("Date of first decision", lambda r, today: r.decided_on.isoformat() if r.decided_on else ""),
    ("Decided within target", lambda r, today: yes_no(r.decided_within_target)),
    OWNER_COLUMN,
]


class ReferralExportView(CsvExportView, ReferralListView):
    """The filtered list as CSV."""

    filename = "referrals.csv"
    columns = CSV_COLUMNS


class ReferralDetailView(PermissionRequiredMixin, RecordDetailView):
    permission_required = "cases.view_referral"
    template_name = "cases/referrals/referral_detail.html"
    lookup = staticmethod(selectors.referral_get)
    context_object_name = "referral"

    def get_context_data(self, referral):
        return {
            "determinations": list(referral.determinations.all()),
            "history": selectors.referral_history(referral=referral),
        }


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
            "regime_reason": referral.regime_reason,
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

    def get_form_kwargs(self):
        return {"regime": self.object.regime}

    def get_initial(self):
        return {"version": self.object.version, "decided_on": self.today}

    service = staticmethod(services.referral_decide)
    success_message = "Decision recorded for {object.reference}."


class ReferralTakeView(RecordTakeView):
    """Assign to me."""

    lookup = staticmethod(selectors.referral_get)


class ReferralOwnerView(RecordOwnerView):
    """Change owner (managers)."""

    lookup = staticmethod(selectors.referral_get)


class ReferralNoteView(RecordNoteView):
    """Add a note."""

    lookup = staticmethod(selectors.referral_get)
