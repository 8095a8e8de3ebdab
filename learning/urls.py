"""Pages of the learning app, mounted at /recommendations/ by oversight/urls.py."""

from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("", views.RecommendationListView.as_view(), name="recommendation-list"),
    path("export.csv", views.RecommendationExportView.as_view(), name="recommendation-export"),
    path("new/", views.RecommendationCreateView.as_view(), name="recommendation-create"),
    # The public feed: no sign-in needed.
    path("published/", views.PublicRecommendationListView.as_view(), name="public-list"),
    path(
        "published/<str:reference>/",
        views.PublicRecommendationDetailView.as_view(),
        name="public-detail",
    ),
    path(
        "<str:reference>/", views.RecommendationDetailView.as_view(), name="recommendation-detail"
    ),
    path(
        "<str:reference>/edit/", views.RecommendationEditView.as_view(), name="recommendation-edit"
    ),
    path(
        "<str:reference>/issue/",
        views.RecommendationIssueView.as_view(),
        name="recommendation-issue",
    ),
    path(
        "<str:reference>/response/",
        views.RecommendationRespondView.as_view(),
        name="recommendation-respond",
    ),
    path(
        "<str:reference>/extend/",
        views.RecommendationExtendView.as_view(),
        name="recommendation-extend",
    ),
    path(
        "<str:reference>/implement/",
        views.RecommendationImplementView.as_view(),
        name="recommendation-implement",
    ),
    path(
        "<str:reference>/responses/<int:pk>/publication/",
        views.ResponsePublicationView.as_view(),
        name="response-publication",
    ),
]
