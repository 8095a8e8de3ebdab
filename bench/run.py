"""Benchmark the figures, the busiest pages and the liaison API; append a report section.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_s1 .venv/bin/python bench/run.py \
        --scale 1 [--skip-seed] [--requests 50] [--out bench/results.md]

Unless --skip-seed, the database named in DATABASE_URL is dropped and created again, migrated
and filled by `manage.py seed_demo --scale N`. Everything runs on 127.0.0.1 and is bounded in
count and time. See bench/README.md.
"""

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULTS = {
    "DJANGO_SETTINGS_MODULE": "oversight.settings",
    "ENV_FILE": "/dev/null",
    "SECRET_KEY": "bench",
    "DEBUG": "false",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "STATIC_MANIFEST": "false",
    "WHITENOISE_USE_FINDERS": "true",
    "API_THROTTLE_TOKEN": "100000/minute",
    "API_THROTTLE_USER": "100000/minute",
    "API_THROTTLE_ANON": "100000/minute",
    "AXES_ENABLED": "false",
    "MFA_REQUIRED": "false",
    "LOG_LEVEL": "WARNING",
}


def _connect(url: str, dbname: str):
    """An autocommit connection to `dbname` on the server named in `url`."""
    import psycopg2

    parts = urlsplit(url)
    conn = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname=dbname,
    )
    conn.autocommit = True
    return conn


def recreate_database(url: str) -> None:
    """Drop and create the database named in `url` (through the server's postgres database)."""
    from psycopg2 import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or parts.hostname not in {"127.0.0.1", "localhost"}:
        raise SystemExit("DATABASE_URL must name a database on 127.0.0.1.")
    conn = _connect(url, "postgres")
    with conn.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()


def vacuum(url: str) -> None:
    """VACUUM ANALYZE the database, as autovacuum would have done after the load (it may be
    off on a benchmark machine): the measurements are of a settled database."""
    conn = _connect(url, urlsplit(url).path.lstrip("/"))
    started = time.monotonic()
    with conn.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    conn.close()
    print(f"VACUUM ANALYZE took {time.monotonic() - started:.1f} s.", file=sys.stderr)


MANAGE = [sys.executable, str(ROOT / "manage.py")]


def migrate() -> None:
    subprocess.run([*MANAGE, "migrate", "-v", "0"], cwd=ROOT, check=True)


def seed(scale: float, today: dt.date) -> None:
    started = time.monotonic()
    subprocess.run(
        [*MANAGE, "seed_demo", "--scale", str(scale), "--today", today.isoformat()],
        cwd=ROOT,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    print(f"Seeded scale {scale:g} in {time.monotonic() - started:.1f} s.", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, required=True, help="seed_demo volume multiplier")
    parser.add_argument("--skip-seed", action="store_true", help="use the data already there")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--api-requests", type=int, default=400, help="requests per API run")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent API clients")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results.md"))
    args = parser.parse_args(argv)
    if args.requests < 1 or args.api_requests < 1 or args.concurrency < 1:
        parser.error("counts must be positive")

    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
    url = os.environ.get("DATABASE_URL")
    if not url:
        parser.error("set DATABASE_URL, for example postgres://postgres@127.0.0.1:5432/bench_s1")
    today = dt.date.today()
    if not args.skip_seed:
        recreate_database(url)
    migrate()  # with --skip-seed too, so that the schema is the code's
    if not args.skip_seed:
        seed(args.scale, today)
    vacuum(url)

    import django

    # The benchmark serves static files through the finders; no collectstatic directory needed.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from bench import measure

    def step(message):
        print(message, file=sys.stderr, flush=True)

    env = measure.environment()  # the load average before the measurements add to it
    step("1. compute_timeliness against bare SQL")
    compute = measure.measure_compute(today=today)
    step("2. dashboard")
    dashboard = measure.measure_dashboard(today=today, requests=args.requests)
    step("3. referral list")
    first, last = measure.measure_referral_list(requests=args.requests)
    step("3b. your work")
    worklist = measure.measure_worklist(requests=args.requests)
    step("4. liaison API under gunicorn")
    token = measure.liaison_token()
    api = measure.measure_api_in_process(token=token, requests=args.requests)
    served = measure.measure_served(
        token=token, requests=args.api_requests, concurrency=args.concurrency
    )
    text = measure.report(
        scale=f"{args.scale:g}",
        today=today,
        env=env,
        rows=measure.row_counts(),
        compute=compute,
        pages=[dashboard, first, last],
        api=api,
        served=served,
        worklist=worklist,
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as handle:
        if out.stat().st_size == 0:
            handle.write("# Benchmark results\n\nAppended by bench/run.py; newest last.\n\n")
        handle.write(text)
    print(text)
    return 0 if not compute.mismatches else 1


if __name__ == "__main__":
    sys.exit(main())
