"""The investigation list, its CSV export, and the ageing and at-risk page."""

from django.shortcuts import render

from cases.investigations import rules, selectors
from cases.investigations.filters import InvestigationFilter
from oversight.core.formatting import yes_no
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import OWNER_COLUMN, CsvExportView, FilteredListView, PageView

# How many rows the ageing page lists before pointing to the filtered list.
AGEING_LIST_LIMIT = 50


class InvestigationListView(PermissionRequiredMixin, FilteredListView):
    permission_required = "cases.view_investigation"
    template_name = "cases/investigations/investigation_list.html"
    filterset_class = InvestigationFilter
    selector = staticmethod(selectors.investigation_list)


CSV_COLUMNS = [
    ("Reference", lambda i, today: i.reference),
    ("Referral", lambda i, today: i.referral.reference),
    ("Force", lambda i, today: i.referral.organisation.name),
    ("Mode", lambda i, today: i.get_mode_display()),
    ("Major", lambda i, today: yes_no(i.is_major)),
    ("Themes", lambda i, today: "; ".join(t.name for t in i.themes.all())),
    (
        "Lead investigator",
        lambda i, today: i.lead_investigator.display_name if i.lead_investigator else "",
    ),
    ("Status", lambda i, today: i.get_status_display()),
    ("Date started", lambda i, today: i.started_on.isoformat()),
    ("6 months on", lambda i, today: i.six_months_on.isoformat()),
    ("12 months on", lambda i, today: i.twelve_months_on.isoformat()),
    ("Date completed", lambda i, today: i.completed_on.isoformat() if i.completed_on else ""),
    ("Within 6 months", lambda i, today: yes_no(i.within_6_months)),
    ("Within 12 months", lambda i, today: yes_no(i.within_12_months)),
    (
        "Age (open)",
        lambda i, today: rules.AGE_BANDS[rules.age_band(i.started_on, today)] if i.is_open else "",
    ),
    ("At risk", lambda i, today: yes_no(rules.is_at_risk(i.started_on, i.completed_on, today))),
    (
        "Next notice due",
        lambda i, today: (
            i.next_notice_due_on.isoformat() if i.next_notice_due_on and i.is_open else ""
        ),
    ),
    OWNER_COLUMN,
]


class InvestigationExportView(CsvExportView, InvestigationListView):
    """The filtered list as CSV."""

    filename = "investigations.csv"
    # iterator() with prefetch_related needs a chunk size: themes come per chunk.
    columns = CSV_COLUMNS


class InvestigationAgeingView(PermissionRequiredMixin, PageView):
    """Open investigations by age, those at risk of missing 12 months, and notices needed:
    the signed-in person's own cases beside everyone's."""

    permission_required = "cases.view_investigation"

    def get(self, request):
        today = self.today
        user = request.user
        at_risk_all = selectors.investigations_at_risk(user=user, today=today)
        notices = selectors.investigations_needing_notice(user=user, today=today)
        context = {
            "today": today,
            "mine": selectors.ageing_summary(user=user, today=today, lead=user),
            "everyone": selectors.ageing_summary(user=user, today=today),
            "at_risk_mine": list(
                selectors.investigations_at_risk(user=user, today=today, lead=user)[
                    :AGEING_LIST_LIMIT
                ]
            ),
            "at_risk_all": list(at_risk_all[:AGEING_LIST_LIMIT]),
            "notices": list(notices[:AGEING_LIST_LIMIT]),
            "limit": AGEING_LIST_LIMIT,
        }
        return render(request, "cases/investigations/ageing.html", context)
