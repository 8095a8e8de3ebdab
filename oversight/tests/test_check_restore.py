"""check_restore against a real restore: the test database dumped with pg_dump -Fc, restored
with pg_restore into a scratch database, then read back, as the README's backup steps do."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from cases.tests.factories import ReferralFactory
from oversight.tests.helpers import database_url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def restored_copy(tmp_path):
    """A dump of the test database (with a referral, its force and caseworker committed),
    restored into a scratch database on the same server; dropped afterwards."""
    ReferralFactory()
    scratch = f"{connection.settings_dict['NAME']}_restored"
    dump = tmp_path / "oversight.dump"
    subprocess.run(["pg_dump", "-Fc", "-f", dump, "-d", database_url()], check=True)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{scratch}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "-d", database_url(scratch), dump],
            check=True,
        )
        yield database_url(scratch)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


def psql(url: str, sql: str) -> None:
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql], check=True)


def check_restore(*args):
    """The command as an operator runs it, in its own process, DATABASE_URL the live one."""
    return subprocess.run(
        [sys.executable, "manage.py", "check_restore", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url(), "ENV_FILE": os.devnull},
        capture_output=True,
        text=True,
    )


def test_a_good_restore_passes_with_its_counts_and_latest_audit_event(restored_copy):
    result = check_restore("--database-url", restored_copy, "--max-age-hours", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Migrations: all applied" in result.stdout
    assert "cases.Referral: 1 rows (live 1)" in result.stdout
    assert "oversight.User: 1 rows (live 1)" in result.stdout
    assert "Latest audit event: 20" in result.stdout
    assert "The restored copy passed its check." in result.stdout
    # Without the live database to compare with, every main table must have rows: a
    # referral, its force and caseworker were restored, but no investigation was made.
    result = check_restore("--database-url", restored_copy, "--no-compare")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cases.Investigation: no rows restored" in result.stderr
    assert "cases.Referral: no rows restored" not in result.stderr
    assert "(live" not in result.stdout


def test_a_restore_missing_rows_migrations_or_recent_events_fails_non_zero(restored_copy):
    psql(restored_copy, "TRUNCATE cases_referral CASCADE")
    psql(
        restored_copy,
        "DELETE FROM django_migrations WHERE app = 'learning' AND name = ("
        "SELECT max(name) FROM django_migrations WHERE app = 'learning')",
    )
    psql(restored_copy, AGE_EVERY_EVENT_BY_TWO_DAYS)
    result = check_restore("--database-url", restored_copy, "--max-age-hours", "36")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cases.Referral: no rows restored, 1 live" in result.stderr
    assert "1 migrations not applied: learning." in result.stderr
    assert "The latest audit event restored is older than 1 day, 12:00:00" in result.stderr
    assert "The restored copy failed its check." in result.stderr


# Every audit event table, its events moved two days into the past.
AGE_EVERY_EVENT_BY_TWO_DAYS = """
DO $$ DECLARE t text; BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = 'public' AND column_name = 'pgh_created_at' LOOP
    EXECUTE format('UPDATE %I SET pgh_created_at = pgh_created_at - interval ''2 days''', t);
  END LOOP;
END $$"""
