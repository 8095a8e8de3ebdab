"""Investigation pages. Each view validates input, calls one service or selector, and renders."""

from cases.investigations.views.lists import (
    InvestigationAgeingView,
    InvestigationExportView,
    InvestigationListView,
)
from cases.investigations.views.notices import InvestigationNoticeView
from cases.investigations.views.people import SubjectRemoveView, SubjectView
from cases.investigations.views.records import (
    InvestigationDetailView,
    InvestigationEditView,
    InvestigationNoteView,
    InvestigationOpenView,
    InvestigationOwnerView,
    InvestigationStatusView,
    InvestigationTakeView,
)

__all__ = [
    "InvestigationAgeingView",
    "InvestigationDetailView",
    "InvestigationEditView",
    "InvestigationNoteView",
    "InvestigationExportView",
    "InvestigationListView",
    "InvestigationOpenView",
    "InvestigationOwnerView",
    "InvestigationTakeView",
    "InvestigationStatusView",
    "InvestigationNoticeView",
    "SubjectRemoveView",
    "SubjectView",
]
