"""Writes of refused requests."""

from oversight.core.models import User
from oversight.core.refusals.models import RefusedRequest


def refused_request_record(
    *, user: User | None, address: str | None, method: str, path: str, status: int
) -> RefusedRequest:
    """Record that a request was refused (401, 403 or 404): who, from where, what, outcome."""
    return RefusedRequest.objects.create(
        user=user, address=address or None, method=method[:10], path=path[:500], status=status
    )
