"""The list of recommendations, filtered and paginated, and its CSV export."""

from django.shortcuts import render
from django.utils import timezone
from django.views import View

from learning import selectors
from learning.filters import RecommendationFilter
from oversight.core.calendar import financial_year_of
from oversight.core.csv_export import streaming_csv
from oversight.core.formatting import yes_no
from oversight.core.paging import paginate
from oversight.core.permissions import PermissionRequiredMixin


class RecommendationListView(PermissionRequiredMixin, View):
    permission_required = "learning.view_recommendation"

    def get(self, request):
        filterset = RecommendationFilter(
            request.GET,
            queryset=selectors.recommendation_list(user=request.user),
            themes=selectors.theme_choices(user=request.user),
        )
        context = {
            "filter": filterset,
            "today": timezone.localdate(),
            "is_staff": request.user.is_casework_staff,
            "export_query": request.GET.urlencode(),
            **paginate(request, filterset.qs),
        }
        return render(request, "learning/recommendation_list.html", context)


def _date(value) -> str:
    return value.isoformat() if value else ""


CSV_COLUMNS = [
    ("Reference", lambda r, today: r.reference),
    ("Recipient", lambda r, today: r.recipient.name if r.recipient else ""),
    ("Source", lambda r, today: r.source),
    ("Theme", lambda r, today: r.theme),
    ("Type", lambda r, today: r.get_type_display()),
    ("Statutory", lambda r, today: yes_no(r.is_statutory)),
    ("Status", lambda r, today: r.get_status_display()),
    (
        "Financial year issued",
        lambda r, today: financial_year_of(r.issued_on) if r.issued_on else "",
    ),
    ("Date issued", lambda r, today: _date(r.issued_on)),
    ("Response due", lambda r, today: _date(r.response_due_on)),
    ("Overdue", lambda r, today: yes_no(r.is_overdue(today))),
    ("Date of response", lambda r, today: _date(r.responded_on)),
    ("Date implemented", lambda r, today: _date(r.implemented_on)),
    ("Recommendation", lambda r, today: r.text),
    ("Response", lambda r, today: r.response),
]


class RecommendationExportView(PermissionRequiredMixin, View):
    """The filtered list as CSV, streamed so that a large export does not hold memory."""

    permission_required = "learning.export_recommendation"

    def get(self, request):
        filterset = RecommendationFilter(
            request.GET, queryset=selectors.recommendation_list(user=request.user)
        )
        today = timezone.localdate()
        return streaming_csv(
            filename="recommendations.csv",
            header=[title for title, _ in CSV_COLUMNS],
            rows=(
                [value(recommendation, today) for _, value in CSV_COLUMNS]
                for recommendation in filterset.qs.iterator(chunk_size=2000)
            ),
        )
