"""Investigation pages, mounted at /investigations/ by oversight/urls.py."""

from django.urls import path

from cases.investigations import selectors, views
from oversight.core.casework.urls import casework_pages
from oversight.core.urls import record_pages

app_name = "investigations"

urlpatterns = [
    path("ageing/", views.InvestigationAgeingView.as_view(), name="investigation-ageing"),
    path(
        "open/<str:referral_reference>/",
        views.InvestigationOpenView.as_view(),
        name="investigation-open",
    ),
    *record_pages(
        "investigation",
        views,
        create=False,
        steps=["edit", "status", ("notice", "notices"), "take", "owner", ("note", "notes/new")],
    ),
    # The people under investigation, each changed on a page of their own.
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
    *casework_pages("investigation", selectors.investigation_get),
]
