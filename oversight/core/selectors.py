"""Reads of core data shared by the apps."""

import datetime as dt
import hashlib

from knox.models import AuthToken

from oversight.core.models import STAFF_ROLES, NonWorkingDay, Organisation, User

# Working-day deadlines in this system are short; look this far ahead for closures.
CLOSURE_HORIZON = dt.timedelta(days=120)


def closed_days_from(start: dt.date, until: dt.date | None = None) -> frozenset[dt.date]:
    """Extra non-working days (closures set by admins) in the months after `start` (or up to
    `until` and the months after it, for deadlines counted from many days)."""
    last = (until or start) + CLOSURE_HORIZON
    return frozenset(
        NonWorkingDay.objects.filter(date__gt=start, date__lte=last).values_list("date", flat=True)
    )


def organisations_for_choice(*, forces_only: bool = False, kinds=None):
    """Active organisations for a form or filter, by name: forces only, or of these kinds."""
    qs = Organisation.objects.filter(is_active=True)
    if forces_only:
        qs = qs.forces()
    if kinds is not None:
        qs = qs.filter(kind__in=kinds)
    return qs.order_by("name")


def casework_staff_for_choice(*, active_only: bool = True):
    """Casework staff (caseworkers, managers, admins) by name: those who can own a case, or,
    with active_only False, also those who once could (to find the cases they still own)."""
    qs = User.objects.filter(role__in=STAFF_ROLES)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("first_name", "last_name", "username")


def api_token_id(token: AuthToken) -> str:
    """The public id of an API token: a hash of its stored digest, so that neither the key
    nor the digest that authenticates it is ever shown."""
    return hashlib.sha256(token.digest.encode()).hexdigest()[:24]


def api_tokens_of(*, user: User) -> list[AuthToken]:
    """The user's own API tokens, newest first (a person has a handful: one query)."""
    return list(AuthToken.objects.filter(user=user).order_by("-created"))


def api_token_of(*, user: User, token_id: str) -> AuthToken | None:
    """One of the user's own tokens by its public id; None for anyone else's."""
    return next((t for t in api_tokens_of(user=user) if api_token_id(t) == token_id), None)
