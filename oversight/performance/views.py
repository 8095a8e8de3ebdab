"""Performance pages for managers: the dashboard, recalculation, targets and CSV export."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from oversight.core.calendar import (
    financial_year_label,
    financial_year_of,
    previous_financial_year,
)
from oversight.core.permissions import PermissionRequiredMixin
from oversight.performance import definitions, selectors, services
from oversight.performance.forms import TargetsForm, YearForm
from oversight.performance.models import TimelinessRun


def _chosen_year(request) -> tuple[YearForm, str]:
    default = financial_year_of(timezone.localdate())
    form = YearForm(request.GET or {"financial_year": default})
    if form.is_valid():
        return form, form.cleaned_data["financial_year"]
    return form, default


class DashboardView(PermissionRequiredMixin, View):
    permission_required = "oversight.view_timeliness"

    def get(self, request):
        form, year = _chosen_year(request)
        totals = selectors.totals_by_year()
        snapshot = totals.get(year)
        previous = totals.get(previous_financial_year(year))
        targets = selectors.targets_for(financial_year=year)
        lines = (
            selectors.rate_lines(
                figures=snapshot.figures,
                previous=previous.figures if previous else None,
                targets=targets,
            )
            if snapshot
            else []
        )
        trend = {
            "years": [financial_year_label(y) for y in totals],
            "series": {
                key: [s.figures[key.split(".")[0]][key.split(".")[1]] for s in totals.values()]
                for key in selectors.RATE_LABELS
            },
            "labels": selectors.RATE_LABELS,
        }
        context = {
            "year_form": form,
            "year": year,
            "year_label": financial_year_label(year),
            "snapshot": snapshot,
            "lines": lines,
            "counts": definitions.COUNTS,
            "trend": trend,
            "trend_rows": [(financial_year_label(y), s.figures) for y, s in totals.items()],
            "forces": selectors.per_organisation(financial_year=year) if snapshot else [],
            "run": selectors.last_run(),
            "today": timezone.localdate(),
            **selectors.open_casework(user=request.user, today=timezone.localdate()),
            "any_figures": bool(totals),
        }
        return render(request, "performance/dashboard.html", context)


class RecalculateView(PermissionRequiredMixin, View):
    permission_required = "oversight.recalculate_timeliness"

    def post(self, request):
        year = request.POST.get("financial_year", "")
        try:
            run = services.timeliness_run_request(actor=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(f"{reverse('performance:dashboard')}?financial_year={year}")
        return redirect(f"{reverse('performance:dashboard')}?financial_year={year}&run={run.pk}")


class RunStatusView(PermissionRequiredMixin, View):
    """Progress of one recalculation, polled by the dashboard."""

    permission_required = "oversight.view_timeliness"

    def get(self, request, pk):
        run = TimelinessRun.objects.filter(pk=pk).first()
        if run is None:
            raise Http404
        return JsonResponse(
            {
                "id": run.pk,
                "status": run.status,
                "finished_at": run.finished_at.isoformat() if run.finished_at else None,
                "error": run.error,
            }
        )


class TargetsView(PermissionRequiredMixin, View):
    permission_required = "oversight.change_target"

    def get(self, request):
        form, year = _chosen_year(request)
        targets = selectors.targets_for(financial_year=year)
        return render(
            request,
            "performance/targets.html",
            {
                "form": TargetsForm(initial=targets),
                "year": year,
                "year_label": financial_year_label(year),
            },
        )

    def post(self, request):
        form, year = _chosen_year(request)
        targets_form = TargetsForm(request.POST)
        if targets_form.is_valid():
            for metric, value in targets_form.cleaned_data.items():
                if value is not None:
                    services.target_set(
                        actor=request.user, financial_year=year, metric=metric, percentage=value
                    )
            messages.success(request, f"Targets for {financial_year_label(year)} saved.")
            return redirect(f"{reverse('performance:dashboard')}?financial_year={year}")
        return render(
            request,
            "performance/targets.html",
            {"form": targets_form, "year": year, "year_label": financial_year_label(year)},
        )


class ExportView(PermissionRequiredMixin, View):
    """The year's figures, in total and per organisation, as CSV."""

    permission_required = "oversight.view_timeliness"

    def get(self, request):
        form, year = _chosen_year(request)
        totals = selectors.totals_by_year()
        if year not in totals:
            raise Http404(f"No figures for {financial_year_label(year)}.")
        columns = [
            (family, name)
            for family, names in definitions.COUNTS.items()
            for name in [*names, *definitions.RATES.get(family, {})]
        ]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="timeliness-{year}.csv"'
        writer = csv.writer(response)
        writer.writerow(["financial_year", "organisation", *[f"{f}.{n}" for f, n in columns]])
        rows = [
            ("", totals[year]),
            *[(s.organisation.code, s) for s in selectors.per_organisation(financial_year=year)],
        ]
        for code, snapshot in rows:
            values = [snapshot.figures[f][n] for f, n in columns]
            writer.writerow([year, code or "all", *["" if v is None else v for v in values]])
        return response
