"""The client's address: REMOTE_ADDR unless trusted proxies are configured, then the entry the
outermost of them added to X-Forwarded-For (RFC 7239 s. 8.1: the header is the client's to
forge, apart from what our own proxies append)."""

import pytest
from django.test import RequestFactory

from oversight.core.addresses import client_address

REMOTE = "10.0.0.5"  # the proxy in front, or the client itself with no proxy


def address(forwarded=None):
    meta = {"REMOTE_ADDR": REMOTE}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


@pytest.mark.parametrize("forwarded", [None, "198.51.100.7", "1.2.3.4, 198.51.100.7", ""])
def test_with_no_proxies_x_forwarded_for_is_ignored(settings, forwarded):
    settings.NUM_PROXIES = 0
    assert address(forwarded) == REMOTE


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # The client wrote the first entry itself; our one proxy appended the last.
        (1, "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        (1, "1.2.3.4,198.51.100.7", "198.51.100.7"),
        (2, "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        # Fewer entries than proxies: all are our proxies' own, the leftmost is the client.
        (2, "198.51.100.7", "198.51.100.7"),
        (1, "1.2.3.4, 2001:db8::1", "2001:db8::1"),
        # No header (the request did not pass our proxy) or not an address: REMOTE_ADDR.
        (1, None, REMOTE),
        (1, "  ", REMOTE),
        (1, "1.2.3.4, not-an-address", REMOTE),
    ],
)
def test_with_proxies_the_outermost_proxys_entry_is_the_client(
    settings, proxies, forwarded, expected
):
    settings.NUM_PROXIES = proxies
    assert address(forwarded) == expected


def test_the_proxy_count_is_zero_unless_configured_and_drf_is_told(settings):
    from oversight import settings as project_settings

    assert project_settings.NUM_PROXIES == 0
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == settings.NUM_PROXIES
