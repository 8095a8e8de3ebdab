"""A database outage answers 503 Service Unavailable with Retry-After, never a 500.

API clients get JSON they can act on (`{"code": "service_unavailable", ...}`) and retry
after the time given; browsers get the GOV.UK "Sorry, the service is unavailable" page
(GOV.UK Design System, "Service unavailable pages"). Nothing here touches the database:
the page is rendered with no request, so no context processor looks up a session or user.
A 503 with Retry-After tells clients and proxies the failure is temporary (RFC 9110,
15.6.4 and 10.2.3), so they retry rather than give up on the record.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from oversight.context_processors import ORGANISATION_NAME, SERVICE_NAME
from oversight.core import error_pages

RETRY_AFTER_SECONDS = 30
OUTAGE_DETAIL = "The service is unavailable: its database cannot be reached. Try again later."

# Django's wrappers of the driver's connection failures (a refused or lost connection, a
# server shutting down); a query's own errors (IntegrityError, DataError...) stay 500s.
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def is_outage(exc: BaseException | None) -> bool:
    return isinstance(exc, OUTAGE_ERRORS)


def outage_response(request) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"code": "service_unavailable", "detail": OUTAGE_DETAIL}, status=503
        )
    else:
        page = render_to_string(
            "503.html", {"service_name": SERVICE_NAME, "organisation_name": ORGANISATION_NAME}
        )
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500, which Django calls for any exception left unhandled, in a view or a
    middleware (loading the session or the user, saving the session); DRF re-raises what it
    does not handle, so the API's outages arrive here too. Django still logs the failure
    with its traceback (django.request), as "Service Unavailable"."""
    if is_outage(sys.exc_info()[1]):
        return outage_response(request)
    return error_pages.server_error(request)
