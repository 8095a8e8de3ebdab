"""Human-readable references (REF-2026-000123), unique under concurrency.

The counter row is incremented with a single INSERT ... ON CONFLICT DO UPDATE, which
PostgreSQL serialises per (prefix, year): two transactions saving at the same moment
get different numbers, and the second waits only until the first commits.
"""

from django.db import connection

from oversight.core.models import ReferenceCounter

_NEXT_NUMBER_SQL = f"""
    INSERT INTO {ReferenceCounter._meta.db_table} (prefix, year, last)
    VALUES (%s, %s, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = {ReferenceCounter._meta.db_table}.last + 1
    RETURNING last
"""


def format_reference(prefix: str, year: int, number: int) -> str:
    """A reference as people write it: prefix, year, six-digit number."""
    return f"{prefix}-{year}-{number:06d}"


def next_reference(*, prefix: str, year: int) -> str:
    """Allocate the next reference for a prefix and year; call inside the saving transaction."""
    with connection.cursor() as cursor:
        cursor.execute(_NEXT_NUMBER_SQL, [prefix, year])
        (number,) = cursor.fetchone()
    return format_reference(prefix, year, number)
