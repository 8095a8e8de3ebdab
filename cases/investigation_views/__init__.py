"""Investigation pages. Each view validates input, calls one service or selector, and renders."""

from cases.investigation_views.lists import (
    InvestigationAgeingView,
    InvestigationExportView,
    InvestigationListView,
)
from cases.investigation_views.notices import NoticeView
from cases.investigation_views.people import SubjectRemoveView, SubjectView
from cases.investigation_views.records import (
    InvestigationDetailView,
    InvestigationEditView,
    InvestigationOpenView,
    InvestigationStatusView,
)

__all__ = [
    "InvestigationAgeingView",
    "InvestigationDetailView",
    "InvestigationEditView",
    "InvestigationExportView",
    "InvestigationListView",
    "InvestigationOpenView",
    "InvestigationStatusView",
    "NoticeView",
    "SubjectRemoveView",
    "SubjectView",
]
