"""The liaison API's throughput under gunicorn, against the trivial /api/v1/me/ endpoint."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote

from django.db import connection

from bench.measure.common import API_PATH, ROOT, TRIVIAL_PATH


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
