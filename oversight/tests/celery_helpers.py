"""For tests that start a real Celery worker against Redis (the `redis_app` fixture is in
oversight/tests/conftest.py)."""

import os
import time

from oversight.celery import app

BROKER = os.environ.get("CELERY_TEST_BROKER_URL", "redis://127.0.0.1:6379/15")


def reset_connections():
    """Forget the pooled broker connections so that the next message uses the current broker_url
    (kombu keeps its pools per connection URL, so the old ones are simply no longer used)."""
    app._pool = None
    app.amqp._producer_pool = None


def wait_for(predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False
