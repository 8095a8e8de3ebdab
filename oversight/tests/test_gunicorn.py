"""The production gunicorn configuration: it loads, and slow clients do not stall the site."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gunicorn.app.base import Application

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "gunicorn.conf.py"


class ConfigOnly(Application):
    """Gunicorn's own loader, without its command line: the file as gunicorn reads it."""

    def load_config(self):
        self.load_config_from_file(str(CONFIG))

    def load(self):  # pragma: no cover - never served
        raise NotImplementedError


def load_config(monkeypatch, **env):
    for name in [n for n in os.environ if n.startswith("GUNICORN_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return ConfigOnly().cfg


def test_the_configuration_uses_threaded_workers_with_limits(monkeypatch):
    cfg = load_config(monkeypatch, FORWARDED_ALLOW_IPS="10.0.0.5")
    assert cfg.worker_class_str == "gthread"
    assert cfg.threads >= 4
    assert cfg.workers == 2 * os.cpu_count() + 1
    assert (cfg.timeout, cfg.graceful_timeout, cfg.keepalive) == (30, 30, 5)
    assert (cfg.limit_request_line, cfg.limit_request_fields) == (4094, 100)
    assert cfg.max_requests == 1000
    assert cfg.max_requests_jitter > 0
    assert cfg.forwarded_allow_ips == ["10.0.0.5"]


def test_the_worker_count_and_threads_come_from_the_environment(monkeypatch):
    cfg = load_config(monkeypatch, GUNICORN_WORKERS="3", GUNICORN_THREADS="16")
    assert (cfg.workers, cfg.threads) == (3, 16)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(process, port):
    """Gunicorn is up once it accepts a connection (it exits on a broken configuration)."""
    for _ in range(600):
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited: {process.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("gunicorn never listened")


@pytest.fixture
def gunicorn_server():
    """The project's WSGI application under the configuration file: one worker, so that a
    worker stalled by slow clients would stall every request."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oversight.settings",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": os.devnull,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(CONFIG), "oversight.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_listening(process, port)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_three_slow_clients_do_not_stop_a_fourth_being_served(gunicorn_server):
    port = gunicorn_server
    slow = []
    for _ in range(3):
        # Half a request, then silence: the request line and a header, never the blank line.
        client = socket.create_connection(("127.0.0.1", port), timeout=30)
        client.sendall(b"GET /sign-in/ HTTP/1.1\r\nHost: localhost\r\n")
        slow.append(client)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as prompt:
            prompt.sendall(
                b"GET /sign-in/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            )
            answer = b""
            while chunk := prompt.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
        assert b"Sign in" in answer
        # The fourth was answered in full while the three were still waiting, unanswered.
        for client in slow:
            client.setblocking(False)
            with pytest.raises(BlockingIOError):
                client.recv(1)
    finally:
        for client in slow:
            client.close()
