"""Recommendation pages. Each view validates input, calls one service or selector, and renders.

Staff see every recommendation; a force liaison sees only the issued recommendations
addressed to their organisation and may answer them. The published feed needs no sign-in.
"""

from learning.views.drafting import (
    RecommendationCreateView,
    RecommendationEditView,
    RecommendationIssueView,
)
from learning.views.follow_up import (
    RecommendationDetailView,
    RecommendationExtendView,
    RecommendationImplementView,
    RecommendationJudicialReviewView,
    RecommendationNoteView,
    RecommendationOwnerView,
    RecommendationRespondView,
    RecommendationTakeView,
    ResponseDecisionView,
    ResponsePublicationView,
)
from learning.views.lists import RecommendationExportView, RecommendationListView
from learning.views.public import PublicRecommendationDetailView, PublicRecommendationListView

__all__ = [
    "RecommendationListView",
    "RecommendationExportView",
    "RecommendationCreateView",
    "RecommendationEditView",
    "RecommendationNoteView",
    "RecommendationIssueView",
    "RecommendationDetailView",
    "RecommendationRespondView",
    "RecommendationExtendView",
    "RecommendationOwnerView",
    "RecommendationTakeView",
    "RecommendationImplementView",
    "RecommendationJudicialReviewView",
    "ResponseDecisionView",
    "ResponsePublicationView",
    "PublicRecommendationListView",
    "PublicRecommendationDetailView",
]
