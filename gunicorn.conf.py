"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py oversight.wsgi`.

Threaded workers (gthread), so that a client slow to send its request or read its answer
ties up one thread, not a whole worker: with sync workers three slow clients stalled the
site. Gunicorn still reads requests itself, so run it behind a buffering proxy (nginx, see
the README's Production section) that receives each request in full before passing it on.
Every value can be overridden from the environment (GUNICORN_*), none needs to be.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


bind = os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"
worker_class = "gthread"
# Twice the CPUs, plus one, is gunicorn's advice; each worker keeps its own connections.
workers = _int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
# Each thread holds at most one PostgreSQL connection (CONN_MAX_AGE): workers x threads must
# stay under the database's max_connections, less what Celery and the admins use.
threads = _int("GUNICORN_THREADS", 8)
# A worker whose main loop is silent this long is killed and replaced.
timeout = _int("GUNICORN_TIMEOUT", 30)
# On a restart, requests under way get this long to finish.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Idle keep-alive connections from the proxy are closed after this; longer than the proxy's
# own keepalive_timeout would leave it reusing connections gunicorn has closed.
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Request limits (gunicorn answers 400 past them): a long URL or header flood is refused
# before Django sees it. Query strings here are short filters, never documents.
limit_request_line = _int("GUNICORN_LIMIT_REQUEST_LINE", 4094)
limit_request_fields = _int("GUNICORN_LIMIT_REQUEST_FIELDS", 100)
limit_request_field_size = _int("GUNICORN_LIMIT_REQUEST_FIELD_SIZE", 8190)

# Workers are replaced after this many requests, at staggered times, so that slow memory
# growth never accumulates and never all restart at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Only the proxy's address may set X-Forwarded-Proto (which Django trusts for HTTPS,
# SECURE_PROXY_SSL_HEADER) and X-Forwarded-For; gunicorn ignores them from anyone else.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or "-"
errorlog = "-"
# The application is loaded before forking: a broken settings file stops the start, not each
# worker in turn, and workers share the loaded code's memory.
preload_app = True
