"""Attribute refused requests: every 401, 403 or 404 answered to a signed-in user (or to a
request carrying credentials) is recorded with who, from where, the method, the path and the
outcome, and logged as a warning line naming them. Anonymous 404s (the public site, crawlers)
are not recorded: nobody to attribute them to, and a write for each would be an easy way to
fill the table."""

import logging

from django.db import DatabaseError

from oversight.core.addresses import client_address
from oversight.core.refusals.services import refused_request_record

logger = logging.getLogger("oversight.refused")

REFUSED = frozenset({401, 403, 404})


class RefusedRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in REFUSED:
            self._record(request, response.status_code)
        return response

    def _record(self, request, status: int) -> None:
        user = getattr(request, "user", None)  # DRF puts a token's user here too
        signed_in = user is not None and user.is_authenticated
        if not signed_in and not (status == 401 and "HTTP_AUTHORIZATION" in request.META):
            return
        address = client_address(request)
        who = user.username if signed_in else "(credentials naming no one)"
        logger.warning(
            "Refused %s: %s %s for %s from %s", status, request.method, request.path, who, address
        )
        try:
            refused_request_record(
                user=user if signed_in else None,
                address=address,
                method=request.method,
                path=request.path,
                status=status,
            )
        except DatabaseError:  # the refusal still reaches the client; the log line stays
            logger.exception("Could not record a refused request")
