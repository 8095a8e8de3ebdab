"""The list of recommendations, filtered and paginated, and its CSV export."""

from learning import selectors
from learning.filters import RecommendationFilter
from oversight.core.calendar import financial_year_of
from oversight.core.formatting import yes_no
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import OWNER_COLUMN, CsvExportView, FilteredListView


class RecommendationListView(PermissionRequiredMixin, FilteredListView):
    permission_required = "learning.view_recommendation"
    template_name = "learning/recommendation_list.html"
    filterset_class = RecommendationFilter
    selector = staticmethod(selectors.recommendation_list)

    def filterset_kwargs(self):
        return {"themes": selectors.theme_choices(user=self.request.user)}

    def get_context_data(self, filterset):
        return {"is_staff": self.request.user.is_casework_staff}


def _date(value) -> str:
    return value.isoformat() if value else ""


CSV_COLUMNS = [
    ("Reference", lambda r, today: r.reference),
    ("Recipient", lambda r, today: r.recipient.name if r.recipient else ""),
    ("Source", lambda r, today: r.source),
    ("Theme", lambda r, today: r.theme_label),
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
    OWNER_COLUMN,
]


class RecommendationExportView(CsvExportView, RecommendationListView):
    """The filtered list as CSV."""

    permission_required = "learning.export_recommendation"
    filename = "recommendations.csv"
    columns = CSV_COLUMNS
