"""Referral pages, mounted at /referrals/ by oversight/urls.py."""

from cases.referrals import views
from oversight.core.urls import record_pages

app_name = "cases"

urlpatterns = record_pages(
    "referral", views, steps=["edit", "decide", "take", "owner", ("note", "notes/new")]
)
