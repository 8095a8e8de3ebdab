"""Pages of the learning app, mounted at /recommendations/ by oversight/urls.py."""

from django.urls import path

from learning import views
from oversight.core.urls import record_pages

app_name = "learning"

urlpatterns = [
    # The public feed: no sign-in needed.
    path("published/", views.PublicRecommendationListView.as_view(), name="public-list"),
    path(
        "published/<str:reference>/",
        views.PublicRecommendationDetailView.as_view(),
        name="public-detail",
    ),
    *record_pages(
        "recommendation",
        views,
        steps=[
            "edit",
            "issue",
            ("respond", "response"),
            "extend",
            "implement",
            "take",
            "owner",
            ("note", "notes/new"),
        ],
    ),
    path(
        "<str:reference>/judicial-review/",
        views.RecommendationJudicialReviewView.as_view(),
        name="recommendation-judicial-review",
    ),
    path(
        "<str:reference>/responses/<int:pk>/decision/",
        views.ResponseDecisionView.as_view(),
        name="response-decision",
    ),
    path(
        "<str:reference>/responses/<int:pk>/publication/",
        views.ResponsePublicationView.as_view(),
        name="response-publication",
    ),
]
