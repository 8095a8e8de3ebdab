"""Referral pages, mounted at /referrals/ by oversight/urls.py."""

from cases.referrals import selectors, views
from oversight.core.casework.urls import casework_pages
from oversight.core.urls import record_pages

app_name = "cases"

urlpatterns = record_pages(
    "referral", views, steps=["edit", "decide", "take", "owner", ("note", "notes/new")]
) + casework_pages("referral", selectors.referral_get)
