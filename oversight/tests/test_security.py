"""Production settings and response headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "-production-like-secret-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "oversight.example.org",
        "SECURE_COOKIES": "true",
        "SECURE_SSL_REDIRECT": "true",
        "STATIC_MANIFEST": "true",
        "WHITENOISE_USE_FINDERS": "false",
        "CACHE_URL": "redis://127.0.0.1:6379/1",  # read by the throttles only, not connected
        "ENV_FILE": os.devnull,
    }
    env.pop("SECURE_HSTS_SECONDS", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**env, "ENV_FILE": os.devnull},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_signed_in_pages_are_not_stored_and_carry_a_csp_nonce(client, caseworker):
    client.force_login(caseworker)
    response = client.get("/referrals/")
    assert response["Cache-Control"] == "no-store"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "default-src 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
