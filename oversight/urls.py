from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from oversight import views
from oversight.api_docs import RedocView, SwaggerView
from oversight.core.refusals.views import RefusedRequestsView

# A database outage, wherever met, is a 503 (oversight.outage.py); any other failure a 500.
handler404 = "oversight.core.error_pages.not_found"
handler500 = "oversight.outage.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("oversight.core.signin.urls")),
    path("referrals/", include("cases.referrals.urls")),
    path("investigations/", include("cases.investigations.urls")),
    path("applications/", include("appeals.urls")),
    path("recommendations/", include("learning.urls")),
    path("performance/", include("oversight.performance.urls")),
    path("refused-requests/", RefusedRequestsView.as_view(), name="refused-requests"),
    path("api/v1/", include("oversight.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/schema/docs/", SwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/schema/redoc/", RedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/", admin.site.urls),
]
