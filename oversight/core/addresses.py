"""The address a request came from, as our own proxies saw it: never one the client wrote.

One helper for every place that needs it: the API throttles, the sign-in lockout (axes) and
the record of refused requests.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, or with NUM_PROXIES trusted proxies in front, the
    entry the outermost of them added to X-Forwarded-For (the NUM_PROXIES-th from the right).

    RFC 7239 s. 8.1: a forwarding header "cannot be relied upon to be correct", as every node
    on the way, the client included, may write to it. Each proxy appends the address it saw,
    so only the last NUM_PROXIES entries are ours; anything to their left is the client's own
    say. With no proxies (the default) the header is ignored. With fewer entries than proxies
    (a request that came in past the outer ones) every entry is ours and the leftmost is the
    client. A value that is not an address falls back to REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.NUM_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded.strip():
        return remote
    entries = [entry.strip() for entry in forwarded.split(",")]
    candidate = entries[-min(proxies, len(entries))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
