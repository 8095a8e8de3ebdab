"""Referral pages, mounted at /referrals/ by oversight/urls.py."""

from cases.referrals import views
from oversight.core.urls import record_pages

app_name = "cases"

urlpatterns = record_pages(
    "referral",
    list=views.ReferralListView,
    export=views.ReferralExportView,
    create=views.ReferralCreateView,
    detail=views.ReferralDetailView,
    steps={"edit": views.ReferralEditView, "decide": views.ReferralDecideView},
)
