"""Pages of the appeals app, mounted by oversight/urls.py at /applications/."""

from django.urls import path

from appeals import views

app_name = "appeals"

urlpatterns = [
    path("", views.ApplicationListView.as_view(), name="application-list"),
    path("export.csv", views.ApplicationExportView.as_view(), name="application-export"),
    path("new/", views.ApplicationCreateView.as_view(), name="application-create"),
    path("<str:reference>/", views.ApplicationDetailView.as_view(), name="application-detail"),
    path("<str:reference>/edit/", views.ApplicationEditView.as_view(), name="application-edit"),
    path(
        "<str:reference>/forward/",
        views.ApplicationForwardView.as_view(),
        name="application-forward",
    ),
    path(
        "<str:reference>/validity/",
        views.ApplicationJudgeView.as_view(),
        name="application-judge",
    ),
    path(
        "<str:reference>/decide/",
        views.ApplicationDecideView.as_view(),
        name="application-decide",
    ),
]
