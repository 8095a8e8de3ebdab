"""The OpenAPI schema's browsable docs (Swagger UI and Redoc), beside /api/schema/.

They answer GET only: their HTML renderer has no template for DRF's OPTIONS metadata, which
was a 500. Their templates (templates/drf_spectacular/) give every script the CSP nonce.
The schema itself answers per role (SPECTACULAR_SETTINGS["SERVE_PUBLIC"] is False).
"""

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView


class SwaggerView(SpectacularSwaggerView):
    http_method_names = ["get", "head"]


class RedocView(SpectacularRedocView):
    http_method_names = ["get", "head"]
