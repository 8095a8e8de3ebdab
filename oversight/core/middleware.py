"""Response headers for signed-in pages."""


class NoStoreForSignedInMiddleware:
    """Pages for a signed-in person carry case data: browsers and proxies must not keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


# The browser features no page of this service uses, refused to every page and to anything
# an injected script or frame might try (OWASP ASVS 5.0, 3.4: security headers).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "bluetooth",
        "magnetometer",
        "gyroscope",
        "accelerometer",
        "display-capture",
        "interest-cohort",
    )
)


class PermissionsPolicyMiddleware:
    """Every response says which browser features the page may use: none of the powerful ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
