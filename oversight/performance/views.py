"""Performance pages for managers: the dashboard, recalculation, targets and CSV export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from oversight.core.calendar import (
    financial_year_label,
    financial_year_of,
    previous_financial_year,
)
from oversight.core.csv_export import streaming_csv
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import PageView
from oversight.performance import figures, selectors, services
from oversight.performance.forms import TargetsForm, YearForm
from oversight.performance.models import TimelinessRun


def _chosen_year(request) -> tuple[YearForm, str]:
    default = financial_year_of(timezone.localdate())
    form = YearForm(request.GET or {"financial_year": default})
    if form.is_valid():
        return form, form.cleaned_data["financial_year"]
    return form, default


def _columns(keys: list[str]) -> list[dict]:
    return [{"label": figures.label(key), "is_rate": figures.is_rate(key)} for key in keys]


def _values(snapshot_figures: dict, keys: list[str]) -> list:
    return [figures.value(snapshot_figures, key) for key in keys]


class DashboardView(PermissionRequiredMixin, PageView):
    permission_required = "oversight.view_timeliness"

    def get(self, request):
        today = self.today
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
                key: [figures.value(t.figures, key) for t in totals.values()]
                for key in figures.RATE_LABELS
            },
            "labels": figures.RATE_LABELS,
        }
        by_organisation = selectors.per_organisation(financial_year=year) if snapshot else []
        context = {
            "year_form": form,
            "year": year,
            "year_label": financial_year_label(year),
            "snapshot": snapshot,
            "lines": lines,
            "counts": figures.COUNTS,
            "trend": trend,
            "trend_columns": _columns(figures.TARGET_RATES),
            "trend_rows": [
                (financial_year_label(y), _values(t.figures, figures.TARGET_RATES))
                for y, t in totals.items()
            ],
            "organisation_columns": _columns(figures.BY_ORGANISATION),
            "organisation_rows": [
                (t.organisation, _values(t.figures, figures.BY_ORGANISATION))
                for t in by_organisation
            ],
            "run": selectors.last_run(),
            "today": today,
            **selectors.open_casework(user=request.user, today=today),
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
        columns = figures.columns()
        rows = [
            ("all", totals[year]),
            *[(t.organisation.code, t) for t in selectors.per_organisation(financial_year=year)],
        ]
        return streaming_csv(
            filename=f"timeliness-{year}.csv",
            header=["financial_year", "organisation", *columns],
            rows=(
                [year, code, *["" if v is None else v for v in _values(t.figures, columns)]]
                for code, t in rows
            ),
        )
