"""Pages and the API timed in-process with Django's test client: p50 and p95, and queries."""

import datetime as dt

from django.db.models import Count
from rest_framework.test import APIClient

from bench.measure.common import (
    API_PATH,
    REFERRAL_QUERY,
    PageResult,
    _host,
    _time_requests,
    manager_user,
    signed_in_client,
)
from cases.models import Investigation
from oversight.core.calendar import financial_year_of
from oversight.core.models import User
from oversight.performance.models import TimelinessSnapshot


def dashboard_year(*, today: dt.date) -> str:
    """The latest complete financial year with figures (else the latest with any)."""
    years = sorted(
        TimelinessSnapshot.objects.filter(organisation__isnull=True).values_list(
            "financial_year", flat=True
        )
    )
    if not years:
        raise RuntimeError("No figures computed: run measure_compute first.")
    current = financial_year_of(today)
    past = [year for year in years if year < current]
    return past[-1] if past else years[-1]


def measure_dashboard(*, today: dt.date, requests: int = 50) -> PageResult:
    year = dashboard_year(today=today)
    client = signed_in_client(manager_user())
    return _time_requests(
        client, "Performance dashboard", f"/performance/?financial_year={year}", requests=requests
    )


def measure_referral_list(*, requests: int = 50) -> tuple[PageResult, PageResult]:
    client = signed_in_client(manager_user())
    path = f"/referrals/?{REFERRAL_QUERY}"
    first = _time_requests(client, "Referral list, first page", path, requests=requests)
    # The pagination's "Last" link: keyset pagination's reversed order, first page.
    last = _time_requests(
        client, "Referral list, last page", f"{path}&page=last", requests=requests
    )
    return first, last


def measure_api_in_process(*, token: str, requests: int = 50) -> PageResult:
    client = APIClient(SERVER_NAME=_host())
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return _time_requests(client, "Liaison API (in-process)", API_PATH, requests=requests)


def busiest_caseworker() -> User:
    """The owner of the most open investigations: the longest list of duties."""
    busiest = (
        Investigation.objects.open()
        .filter(owner__isnull=False)
        .values("owner")
        .annotate(n=Count("id"))
        .order_by("-n", "owner")
        .first()
    )
    if busiest is None:
        raise RuntimeError("No owned investigations: seed the demo data first.")
    return User.objects.get(pk=busiest["owner"])


def measure_worklist(*, requests: int = 50) -> list[PageResult]:
    """Your work as the busiest caseworker (page and API), and a manager's home page, which
    also totals every person's caseload and overdue duties."""
    caseworker = busiest_caseworker()
    api = APIClient(SERVER_NAME=_host())
    api.force_login(caseworker)
    return [
        _time_requests(
            signed_in_client(caseworker),
            "Your work, the busiest caseworker",
            "/",
            requests=requests,
        ),
        _time_requests(
            api, "Your work over the API, the same caseworker", "/api/v1/work/", requests=requests
        ),
        _time_requests(
            signed_in_client(manager_user()),
            "A manager's home (caseloads)",
            "/",
            requests=requests,
        ),
    ]
