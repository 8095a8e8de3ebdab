"""Investigation pages, mounted at /investigations/ by oversight/urls.py."""

from django.urls import path

from cases.investigations import views

app_name = "investigations"

urlpatterns = [
    path("", views.InvestigationListView.as_view(), name="investigation-list"),
    path("export.csv", views.InvestigationExportView.as_view(), name="investigation-export"),
    path("ageing/", views.InvestigationAgeingView.as_view(), name="investigation-ageing"),
    path(
        "open/<str:referral_reference>/",
        views.InvestigationOpenView.as_view(),
        name="investigation-open",
    ),
    path("<str:reference>/", views.InvestigationDetailView.as_view(), name="investigation-detail"),
    path(
        "<str:reference>/edit/", views.InvestigationEditView.as_view(), name="investigation-edit"
    ),
    path(
        "<str:reference>/status/",
        views.InvestigationStatusView.as_view(),
        name="investigation-status",
    ),
    path(
        "<str:reference>/notices/",
        views.NoticeView.as_view(),
        name="investigation-notice",
    ),
    path("<str:reference>/people/new/", views.SubjectView.as_view(), name="subject-create"),
    path(
        "<str:reference>/people/<int:subject_id>/",
        views.SubjectView.as_view(),
        name="subject-edit",
    ),
    path(
        "<str:reference>/people/<int:subject_id>/remove/",
        views.SubjectRemoveView.as_view(),
        name="subject-remove",
    ),
]
