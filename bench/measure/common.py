"""What the measurements share: the scenario's constants and goals, the users and clients they
act as, percentiles, and a description of the machine and the data."""

import math
import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appeals.models import Application
from cases.models import Investigation, Referral
from learning.models import Recommendation
from oversight.core.models import Organisation, Role, User
from oversight.core.services import api_token_create
from oversight.performance.models import TimelinessSnapshot

ROOT = Path(__file__).resolve().parents[2]  # the project, where gunicorn imports it from


LIAISON_FORCE = "metropolitan-police-service"


REFERRAL_QUERY = f"organisation={LIAISON_FORCE}&q=REF-20"


API_PATH = "/api/v1/recommendations/"


TRIVIAL_PATH = "/api/v1/me/"


WARM_UP = 3


GOAL_COMPUTE_RATIO = 1.5


GOAL_DASHBOARD_P95_MS = 100


GOAL_REFERRALS_P95_MS = 250


GOAL_API_SHARE = 0.5


GOAL_WORKLIST_P95_MS = 250


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _host() -> str:
    """A host name the settings allow, for the in-process clients."""
    allowed = settings.ALLOWED_HOSTS
    if "testserver" in allowed or "*" in allowed or not allowed:
        return "testserver"
    return allowed[0].lstrip(".")


def manager_user() -> User:
    user, _ = User.objects.get_or_create(
        username="bench.manager", defaults={"role": Role.MANAGER, "first_name": "Bench"}
    )
    return user


def liaison_user() -> User:
    force = Organisation.objects.get(code=LIAISON_FORCE)
    user, _ = User.objects.get_or_create(
        username="bench.liaison",
        defaults={"role": Role.FORCE_LIAISON, "organisation": force, "first_name": "Bench"},
    )
    return user


def environment() -> dict:
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    return {
        "load": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        "cpus": os.cpu_count(),
        "memory": memory,
        "postgres": pg_version,
        "python": platform.python_version(),
    }


def row_counts() -> dict[str, int]:
    return {
        "referrals": Referral.objects.count(),
        "investigations": Investigation.objects.count(),
        "applications": Application.objects.count(),
        "recommendations": Recommendation.objects.count(),
        "timeliness snapshots": TimelinessSnapshot.objects.count(),
    }


@dataclass
class PageResult:
    label: str
    path: str
    timings: list[float]
    queries: int
    status: int

    @property
    def p50(self) -> float:
        return percentile(self.timings, 50)

    @property
    def p95(self) -> float:
        return percentile(self.timings, 95)


def _time_requests(client, label: str, path: str, *, requests: int, **extra) -> PageResult:
    for _ in range(WARM_UP):
        client.get(path, **extra)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path, **extra)
        timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    return PageResult(label, path, timings, len(captured), response.status_code)


def signed_in_client(user: User) -> Client:
    client = Client(SERVER_NAME=_host())
    client.force_login(user)
    return client


def liaison_token() -> str:
    return api_token_create(user=liaison_user())
