"""The benchmark's measurements, as functions (Django must be set up before this is imported).

bench/run.py calls them against a seeded database and writes the report; the tests call them
at a tiny scale against the test database. The modules split them by what they measure.
"""

from bench.measure.common import environment, liaison_token, percentile, row_counts
from bench.measure.compute import bare_counts, measure_compute, parity_mismatches
from bench.measure.pages import (
    measure_api_in_process,
    measure_dashboard,
    measure_referral_list,
    measure_worklist,
)
from bench.measure.report import report
from bench.measure.served import measure_served

__all__ = [
    "bare_counts",
    "environment",
    "liaison_token",
    "measure_api_in_process",
    "measure_compute",
    "measure_dashboard",
    "measure_referral_list",
    "measure_served",
    "measure_worklist",
    "parity_mismatches",
    "percentile",
    "report",
    "row_counts",
]
