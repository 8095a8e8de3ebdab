"""`timeliness_compute` against the bare aggregate SQL of bench/bare_sql.py, and their parity."""

import datetime as dt
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection

from bench import bare_sql
from oversight.performance.models import TimelinessSnapshot
from oversight.performance.snapshots import timeliness_compute


@dataclass
class ComputeResult:
    compute_runs: list[float]
    bare_runs: list[float]
    snapshots: int
    mismatches: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.compute_runs) / statistics.median(self.bare_runs)

    @property
    def best_ratio(self) -> float:
        return min(self.compute_runs) / min(self.bare_runs)


def bare_counts(*, today: dt.date) -> dict:
    with connection.cursor() as cursor:
        return bare_sql.counts_by_year_and_force(bare_sql.run(cursor, today=today))


def parity_mismatches(*, today: dt.date) -> list[str]:
    """Where the bare SQL counts differ from the stored snapshots, per force and in total
    (empty when they agree). Counts the bare SQL does not produce are taken as 0."""
    expected = bare_counts(today=today)
    totals: dict = {}
    for (year, _), families in expected.items():
        year_totals = totals.setdefault((year, None), {})
        for family, values in families.items():
            for name, value in values.items():
                bucket = year_totals.setdefault(family, {})
                bucket[name] = bucket.get(name, 0) + value
    expected = {**{key: value for key, value in expected.items()}, **totals}
    snapshots = {
        (s.financial_year, s.organisation_id): s.figures for s in TimelinessSnapshot.objects.all()
    }
    mismatches = []
    for key in sorted(set(expected) | set(snapshots), key=str):
        figures = snapshots.get(key, {})
        families = expected.get(key, {})
        for family in sorted(set(families) | set(figures)):
            for name, want in families.get(family, {}).items():
                got = figures.get(family, {}).get(name)
                if got != want:
                    mismatches.append(f"{key} {family}.{name}: bare SQL {want}, snapshot {got}")
            if family not in families:
                stray = {
                    name: value
                    for name, value in figures[family].items()
                    if isinstance(value, int) and value
                }
                if stray:
                    mismatches.append(f"{key} {family}: snapshot {stray}, bare SQL none")
    return mismatches


def measure_compute(*, today: dt.date, runs: int = 5) -> ComputeResult:
    compute_runs, bare_runs, snapshots = [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        snapshots = timeliness_compute(today=today)
        compute_runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            bare_sql.run(cursor, today=today)
        bare_runs.append(time.perf_counter() - started)
    return ComputeResult(compute_runs, bare_runs, snapshots, parity_mismatches(today=today))
