"""The REST API under /api/v1/: each app lists its resources in its api_routes.py."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from appeals.api_routes import ROUTES as APPEALS
from cases.api_routes import ROUTES as CASES
from learning.api_routes import ROUTES as LEARNING
from oversight.account_api import CurrentUserView, TokenDetailView, TokenListView
from oversight.performance.api import TimelinessView
from oversight.work.api import WorkView

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
for prefix, viewset, basename in [*CASES, *APPEALS, *LEARNING]:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("me/", CurrentUserView.as_view(), name="me"),
    path("tokens/", TokenListView.as_view(), name="token-list"),
    path("tokens/<str:token_id>/", TokenDetailView.as_view(), name="token-detail"),
    path("timeliness/", TimelinessView.as_view(), name="timeliness"),
    path("work/", WorkView.as_view(), name="work"),
    *router.urls,
]
