"""Fixtures of the roof's tests."""

import pytest

from oversight.celery import app
from oversight.tests.celery_helpers import BROKER, reset_connections


@pytest.fixture
def redis_app():
    """The project's Celery app pointed at Redis, no longer running tasks in-process."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "result_backend")}
    app.conf.update(broker_url=BROKER, task_always_eager=False, result_backend="cache+memory://")
    reset_connections()
    with app.connection_for_write() as conn:
        conn.default_channel.client.flushdb()  # a private database number: no stale messages
    yield app
    reset_connections()
    app.conf.update(saved)
