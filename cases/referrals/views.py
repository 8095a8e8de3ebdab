"""Referral pages. Each view validates input, calls one service or selector, and renders."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from cases.referrals import selectors, services
from cases.referrals.filters import ReferralFilter
from cases.referrals.forms import DecisionForm, ReferralEditForm, ReferralForm
from oversight.core.csv_export import streaming_csv
from oversight.core.errors import ConflictError
from oversight.core.paging import paginate
from oversight.core.permissions import StaffOnlyMixin
from oversight.core.services import view_log_record


class ReferralListView(StaffOnlyMixin, View):
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
    (
        "Decided within target",
        lambda r: (
            "" if r.decided_within_target is None else ("Yes" if r.decided_within_target else "No")
        ),
    ),
]


class ReferralExportView(StaffOnlyMixin, View):
    """The filtered list as CSV, streamed so that a large export does not hold memory."""

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


class ReferralCreateView(StaffOnlyMixin, View):
    def get(self, request):
        return render(
            request,
            "cases/referrals/referral_form.html",
            {"form": ReferralForm(), "creating": True},
        )

    def post(self, request):
        form = ReferralForm(request.POST)
        if form.is_valid():
            try:
                referral = services.referral_create(
                    actor=request.user, today=timezone.localdate(), **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Referral {referral.reference} logged.")
                return redirect("cases:referral-detail", reference=referral.reference)
        return render(
            request, "cases/referrals/referral_form.html", {"form": form, "creating": True}
        )


class ReferralDetailView(StaffOnlyMixin, View):
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


class ReferralEditView(StaffOnlyMixin, View):
    def get(self, request, reference):
        referral = selectors.referral_get(user=request.user, reference=reference)
        initial = {
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
        form = ReferralEditForm(initial=initial)
        return render(
            request, "cases/referrals/referral_form.html", {"form": form, "referral": referral}
        )

    def post(self, request, reference):
        referral = selectors.referral_get(user=request.user, reference=reference)
        form = ReferralEditForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.referral_update(
                    actor=request.user,
                    referral=referral,
                    version=version,
                    today=timezone.localdate(),
                    **data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Referral {referral.reference} updated.")
                return redirect("cases:referral-detail", reference=referral.reference)
        return render(
            request, "cases/referrals/referral_form.html", {"form": form, "referral": referral}
        )


class ReferralDecideView(StaffOnlyMixin, View):
    def get(self, request, reference):
        referral = selectors.referral_get(user=request.user, reference=reference)
        form = DecisionForm(
            initial={"version": referral.version, "decided_on": timezone.localdate()}
        )
        return render(
            request, "cases/referrals/referral_decide.html", {"form": form, "referral": referral}
        )

    def post(self, request, reference):
        referral = selectors.referral_get(user=request.user, reference=reference)
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.referral_decide(
                    actor=request.user,
                    referral=referral,
                    mode=form.cleaned_data["mode"],
                    decided_on=form.cleaned_data["decided_on"],
                    reason=form.cleaned_data["reason"],
                    version=form.cleaned_data["version"],
                    today=timezone.localdate(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Decision recorded for {referral.reference}.")
                return redirect(reverse("cases:referral-detail", args=[referral.reference]))
        return render(
            request, "cases/referrals/referral_decide.html", {"form": form, "referral": referral}
        )
