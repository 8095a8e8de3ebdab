"""This app's API resources, registered under /api/v1/ by oversight/api_urls.py.

Each entry is (prefix, viewset, basename).
"""

from appeals.api import ApplicationViewSet
from appeals.selectors import application_get
from oversight.core.casework.api import casework_routes

ROUTES: list[tuple] = [
    ("applications", ApplicationViewSet, "application"),
    *casework_routes("applications", "application", application_get),
]
