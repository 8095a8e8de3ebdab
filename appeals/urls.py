"""Pages of the appeals app, mounted by oversight/urls.py at /applications/."""

from appeals import views
from oversight.core.urls import record_pages

app_name = "appeals"

urlpatterns = record_pages(
    "application",
    list=views.ApplicationListView,
    export=views.ApplicationExportView,
    create=views.ApplicationCreateView,
    detail=views.ApplicationDetailView,
    steps={
        "edit": views.ApplicationEditView,
        "forward": views.ApplicationForwardView,
        "judge": ("validity", views.ApplicationJudgeView),
        "decide": views.ApplicationDecideView,
    },
)
