"""The benchmark's measurements, as functions (Django must be set up before this is imported).

bench/run.py calls them against a seeded database and writes the report; the tests call them
at a tiny scale against the test database.
"""

import datetime as dt
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from appeals.models import Application
from bench import bare_sql
from cases.models import Investigation, Referral
from learning.models import Recommendation
from oversight.core.calendar import financial_year_of
from oversight.core.models import Organisation, Role, User
from oversight.core.services import api_token_create
from oversight.performance.models import TimelinessSnapshot
from oversight.performance.snapshots import timeliness_compute

ROOT = Path(__file__).resolve().parent.parent
LIAISON_FORCE = "metropolitan-police-service"
REFERRAL_QUERY = f"organisation={LIAISON_FORCE}&q=REF-20"
API_PATH = "/api/v1/recommendations/"
TRIVIAL_PATH = "/api/v1/me/"
WARM_UP = 3
GOAL_COMPUTE_RATIO = 1.5
GOAL_DASHBOARD_P95_MS = 100
GOAL_REFERRALS_P95_MS = 250
GOAL_API_SHARE = 0.5


# --- small helpers -------------------------------------------------------------------------


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


# --- the machine and the data --------------------------------------------------------------


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


# --- 1. compute_timeliness against bare SQL -----------------------------------------------


@dataclass
class ComputeResult:
    compute_runs: list[float]
    bare_runs: list[float]
    snapshots: int
    mismatches: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.compute_runs) / statistics.median(self.bare_runs)

    @property
    def best_ratio(self) -> float:
        return min(self.compute_runs) / min(self.bare_runs)


def bare_counts(*, today: dt.date) -> dict:
    with connection.cursor() as cursor:
        return bare_sql.counts_by_year_and_force(bare_sql.run(cursor, today=today))


def parity_mismatches(*, today: dt.date) -> list[str]:
    """Where the bare SQL counts differ from the stored snapshots, per force and in total
    (empty when they agree). Counts the bare SQL does not produce are taken as 0."""
    expected = bare_counts(today=today)
    totals: dict = {}
    for (year, _), families in expected.items():
        year_totals = totals.setdefault((year, None), {})
        for family, values in families.items():
            for name, value in values.items():
                bucket = year_totals.setdefault(family, {})
                bucket[name] = bucket.get(name, 0) + value
    expected = {**{key: value for key, value in expected.items()}, **totals}
    snapshots = {
        (s.financial_year, s.organisation_id): s.figures for s in TimelinessSnapshot.objects.all()
    }
    mismatches = []
    for key in sorted(set(expected) | set(snapshots), key=str):
        figures = snapshots.get(key, {})
        families = expected.get(key, {})
        for family in sorted(set(families) | set(figures)):
            for name, want in families.get(family, {}).items():
                got = figures.get(family, {}).get(name)
                if got != want:
                    mismatches.append(f"{key} {family}.{name}: bare SQL {want}, snapshot {got}")
            if family not in families:
                stray = {
                    name: value
                    for name, value in figures[family].items()
                    if isinstance(value, int) and value
                }
                if stray:
                    mismatches.append(f"{key} {family}: snapshot {stray}, bare SQL none")
    return mismatches


def measure_compute(*, today: dt.date, runs: int = 5) -> ComputeResult:
    compute_runs, bare_runs, snapshots = [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        snapshots = timeliness_compute(today=today)
        compute_runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            bare_sql.run(cursor, today=today)
        bare_runs.append(time.perf_counter() - started)
    return ComputeResult(compute_runs, bare_runs, snapshots, parity_mismatches(today=today))


# --- 2, 3 and 5. pages and the API in-process ---------------------------------------------


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


def signed_in_client(user: User) -> Client:
    client = Client(SERVER_NAME=_host())
    client.force_login(user)
    return client


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


def liaison_token() -> str:
    return api_token_create(user=liaison_user())


# --- 4. the API served by gunicorn --------------------------------------------------------


@dataclass
class LoadResult:
    label: str
    requests: int
    seconds: float
    statuses: dict[int, int]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class ServedResult:
    liaison: LoadResult
    baseline: LoadResult
    refused: LoadResult
    workers: int
    concurrency: int

    @property
    def share(self) -> float:
        return self.liaison.per_second / self.baseline.per_second


ROUNDS = 4


def combined(results: list[LoadResult]) -> LoadResult:
    """Several rounds of one load as one: their requests, seconds and statuses summed."""
    statuses: dict[int, int] = {}
    for result in results:
        for status, count in result.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    return LoadResult(
        results[0].label,
        sum(r.requests for r in results),
        sum(r.seconds for r in results),
        statuses,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of the database Django is using now (the test database under pytest)."""
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    # A Unix socket directory (the embedded PostgreSQL) goes percent-encoded in the host.
    host = quote(db.get("HOST") or "127.0.0.1", safe="")
    port = db.get("PORT") or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def _fetch(url: str, headers: dict, timeout: float) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code


def load(
    url: str, *, label: str, headers: dict, requests: int, concurrency: int, time_limit: float
) -> LoadResult:
    """`requests` GETs shared among `concurrency` threads, stopped at `time_limit` seconds."""
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    remaining = [requests]
    deadline = time.monotonic() + time_limit

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            try:
                status = _fetch(url, headers, timeout=10)
            except OSError:
                status = 0
            with lock:
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(time_limit + 15)
    seconds = time.perf_counter() - started
    return LoadResult(label, sum(statuses.values()), seconds, statuses)


def gunicorn_env(database: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": "oversight.settings",
        "ENV_FILE": "/dev/null",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "bench",
        "STATIC_MANIFEST": "false",
        "WHITENOISE_USE_FINDERS": "true",
        "API_THROTTLE_TOKEN": "100000/minute",
        "API_THROTTLE_USER": "100000/minute",
        "API_THROTTLE_ANON": "100000/minute",
        "LOG_LEVEL": "WARNING",
    }


def measure_served(
    *,
    token: str,
    requests: int = 400,
    concurrency: int = 8,
    workers: int = 2,
    time_limit: float = 60,
    start_timeout: float = 30,
) -> ServedResult:
    """Requests per second of the liaison API, of the trivial /me endpoint with the same token,
    and of the list's 401 answer without a token, under gunicorn.

    The server is always stopped, whatever happens."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "gunicorn", "oversight.wsgi",
        "-b", f"127.0.0.1:{port}", "-w", str(workers), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=gunicorn_env(database_url()),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {server.stderr.read().decode()[-2000:]}")
            try:
                _fetch(base + API_PATH, {}, timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer in time") from None
                time.sleep(0.2)
        auth = {"Authorization": f"Token {token}"}
        common = {"concurrency": concurrency, "time_limit": time_limit}
        warm = max(concurrency * 2, 8)
        for path, headers in [(API_PATH, auth), (TRIVIAL_PATH, auth), (API_PATH, {})]:
            load(base + path, label="warm-up", headers=headers, requests=warm, **common)
        # In alternating rounds, so that anything else the machine does falls on all three.
        targets = {
            "liaison": (API_PATH, auth),
            "trivial": (TRIVIAL_PATH, auth),
            "401": (API_PATH, {}),
        }
        rounds = [[] for _ in targets]
        per_round = max(requests // ROUNDS, 1)
        for _ in range(ROUNDS):
            for results, (label, (path, headers)) in zip(rounds, targets.items(), strict=True):
                results.append(
                    load(base + path, label=label, headers=headers, requests=per_round, **common)
                )
        liaison, baseline, refused = (combined(results) for results in rounds)
        return ServedResult(liaison, baseline, refused, workers, concurrency)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


# --- the report ---------------------------------------------------------------------------


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(
    *,
    scale: str,
    today: dt.date,
    env: dict,
    rows: dict[str, int],
    compute: ComputeResult,
    pages: list[PageResult],
    api: PageResult,
    served: ServedResult | None,
) -> str:
    lines = [
        f"## Scale {scale}, {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Machine: {env['cpus']} CPUs, {env['memory']} memory; PostgreSQL {env['postgres']}, "
        f"Python {env['python']}. Figures as of {today.isoformat()}.",
        "",
        "Rows: " + ", ".join(f"{count} {name}" for name, count in rows.items()) + ".",
        "",
        "### 1. compute_timeliness against bare SQL",
        "",
        "`timeliness_compute(today=...)` in-process (the grouped queries, merging in Python, "
        "replacing the snapshots) against the bare aggregate queries in bench/bare_sql.py "
        "(the same counts, grouped by financial year and force; fetched, nothing written), "
        f"{len(compute.compute_runs)} runs each.",
        "",
        "| | best | median |",
        "|---|---|---|",
        f"| compute_timeliness | {_ms(min(compute.compute_runs))} | "
        f"{_ms(statistics.median(compute.compute_runs))} |",
        f"| bare SQL | {_ms(min(compute.bare_runs))} | "
        f"{_ms(statistics.median(compute.bare_runs))} |",
        f"| ratio | {compute.best_ratio:.2f}x | {compute.ratio:.2f}x |",
        "",
        f"Snapshots written: {compute.snapshots}. Parity of the bare SQL counts with the "
        "snapshots (every year, per force and in total): "
        + (
            "all equal."
            if not compute.mismatches
            else f"{len(compute.mismatches)} differ, for example {compute.mismatches[:3]}."
        ),
        "",
        "### 2 and 3. Pages (in-process)",
        "",
        "Django's test Client in the benchmark's own process, signed in as a manager: each "
        "time is from the request to the complete response (for these non-streamed pages, "
        "time to first byte), without the network, the web server or TLS.",
        "",
        "| page | requests | p50 | p95 | SQL queries per request |",
        "|---|---|---|---|---|",
    ]
    for page in pages:
        lines.append(
            f"| {page.label}: `{page.path}` | {len(page.timings)} | {_ms(page.p50)} | "
            f"{_ms(page.p95)} | {page.queries} |"
        )
    lines += [
        "",
        "### 4. Liaison API under gunicorn",
        "",
    ]
    if served is None:
        lines += ["Not measured (skipped).", ""]
    else:
        lines += [
            f"`GET {API_PATH}` as a force liaison of {LIAISON_FORCE} with a token (a page of "
            f"50 summaries), served by gunicorn ({served.workers} sync workers) on 127.0.0.1, "
            f"from {served.concurrency} concurrent urllib clients, against the trivial JSON "
            f"endpoint `GET {TRIVIAL_PATH}` (who the token belongs to) with the same token "
            "through the same stack: middleware, token authentication, throttles. For "
            "reference, the list's 401 answer without a token, which skips authentication and "
            f"the database. The three loads run in {ROUNDS} alternating rounds, summed.",
            "",
            "| endpoint | requests | seconds | requests per second | statuses |",
            "|---|---|---|---|---|",
        ]
        rows = [
            (f"`{API_PATH}` as the liaison", served.liaison),
            (f"`{TRIVIAL_PATH}` as the liaison (baseline)", served.baseline),
            (f"`{API_PATH}` without a token (401)", served.refused),
        ]
        for label, result in rows:
            lines.append(
                f"| {label} | {result.requests} | {result.seconds:.2f} | "
                f"{result.per_second:.1f} | {dict(sorted(result.statuses.items()))} |"
            )
        lines += ["", f"Liaison throughput is {served.share:.2f}x the trivial endpoint's.", ""]
    lines += [
        "### 5. SQL queries per request",
        "",
        "| request | queries |",
        "|---|---|",
        *[f"| {page.label} | {page.queries} |" for page in pages],
        f"| {api.label}: `{api.path}` (APIClient with the token) | {api.queries} |",
        "",
        f"In-process API timing for reference: p50 {_ms(api.p50)}, p95 {_ms(api.p95)} "
        f"over {len(api.timings)} requests.",
        "",
        "### Goals",
        "",
        "| goal | measured | |",
        "|---|---|---|",
        f"| compute_timeliness within {GOAL_COMPUTE_RATIO}x of bare SQL (medians) | "
        f"{compute.ratio:.2f}x | {_met(compute.ratio <= GOAL_COMPUTE_RATIO)} |",
    ]
    dashboard = pages[0]
    referrals = pages[1:]
    worst = max(referrals, key=lambda p: p.p95)
    lines += [
        f"| Dashboard p95 < {GOAL_DASHBOARD_P95_MS} ms | {_ms(dashboard.p95)} | "
        f"{_met(dashboard.p95 * 1000 < GOAL_DASHBOARD_P95_MS)} |",
        f"| Referral list p95 < {GOAL_REFERRALS_P95_MS} ms (worse of first and last page) | "
        f"{_ms(worst.p95)} | {_met(worst.p95 * 1000 < GOAL_REFERRALS_P95_MS)} |",
    ]
    if served is None:
        lines.append(
            "| Liaison API at least half the trivial endpoint's throughput | not measured | |"
        )
    else:
        lines.append(
            f"| Liaison API at least {GOAL_API_SHARE:g}x the trivial endpoint's throughput | "
            f"{served.share:.2f}x ({served.liaison.per_second:.0f} against "
            f"{served.baseline.per_second:.0f} per second) | "
            f"{_met(served.share >= GOAL_API_SHARE)} |"
        )
    lines.append("")
    return "\n".join(lines) + "\n"
