"""Only this app's API, so that the schema test checks this app's annotations alone."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from learning.api_routes import ROUTES

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
for prefix, viewset, basename in ROUTES:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [path("api/v1/", include(router.urls))]
