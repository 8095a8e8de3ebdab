"""This app's API resources, registered under /api/v1/ by oversight/api_urls.py.

Each entry is (prefix, viewset, basename).
"""

from appeals.api import ApplicationViewSet

ROUTES: list[tuple] = [
    ("applications", ApplicationViewSet, "application"),
]
