"""Pages of the appeals app, mounted by oversight/urls.py at /applications/."""

from appeals import selectors, views
from oversight.core.casework.urls import casework_pages
from oversight.core.urls import record_pages

app_name = "appeals"

urlpatterns = record_pages(
    "application",
    views,
    steps=[
        "edit",
        "forward",
        ("judge", "validity"),
        "decide",
        "take",
        "owner",
        ("note", "notes/new"),
    ],
) + casework_pages("application", selectors.application_get)
