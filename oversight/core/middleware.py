"""Response headers for every response, and the refusal of a truncated request body."""

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse


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


TRUNCATED_BODY = "The request's body is shorter than its Content-Length: send it again in full."


class CompleteBodyMiddleware:
    """Refuse with 400 a body shorter than its Content-Length (a client cut off mid-send),
    whatever server is in front: saved, it would be taken for the whole form or document.

    Only a body Django would hold in memory anyway is read here (up to
    DATA_UPLOAD_MAX_MEMORY_SIZE, not a multipart upload, which Django streams to its parser);
    a larger one is left to that limit and to the parser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        multipart = request.content_type.startswith("multipart/")
        if 0 < declared and (limit is None or declared <= limit) and not multipart:
            if len(request.body) < declared:
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"code": "validation_error", "message": TRUNCATED_BODY}, status=400
                    )
                return HttpResponseBadRequest(TRUNCATED_BODY)
        return self.get_response(request)
