from django.urls import path

from oversight.performance import views

app_name = "performance"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("recalculate/", views.RecalculateView.as_view(), name="recalculate"),
    path("runs/<int:pk>/", views.RunStatusView.as_view(), name="run-status"),
    path("targets/", views.TargetsView.as_view(), name="targets"),
    path("export.csv", views.ExportView.as_view(), name="export"),
]
