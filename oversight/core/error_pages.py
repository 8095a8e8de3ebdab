"""Not found and server error: a page for browsers, JSON under /api/ (one error format).

Django answers a URL that matches no route, and an uncaught exception, itself, with its HTML
templates; API clients parse JSON, and the schema declares {detail: message}.
"""

from django.http import JsonResponse
from django.views import defaults

NOT_FOUND = "Not found."
SERVER_ERROR = "Something went wrong on our side. Try again later."


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception):
    if _is_api(request):
        return JsonResponse({"detail": NOT_FOUND}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return JsonResponse({"detail": SERVER_ERROR}, status=500)
    return defaults.server_error(request)
