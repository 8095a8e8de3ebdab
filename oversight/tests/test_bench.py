"""The benchmark (bench/): every measurement runs at a tiny scale and the report has each part;
the bare SQL in bench/bare_sql.py counts exactly what the stored figures count."""

import datetime as dt

import pytest
from django.core.management import call_command

from bench import measure
from oversight.performance.models import TimelinessSnapshot

TODAY = dt.date(2024, 6, 3)


@pytest.fixture
def seeded(db, met):
    call_command("seed_demo", scale=0.01, first_year=2022, today=TODAY, stdout=None)


def test_in_process_measurements_and_report(seeded):
    compute = measure.measure_compute(today=TODAY, runs=2)
    dashboard = measure.measure_dashboard(today=TODAY, requests=3)
    first, last = measure.measure_referral_list(requests=3)
    api = measure.measure_api_in_process(token=measure.liaison_token(), requests=3)
    worklist = measure.measure_worklist(requests=3)

    assert compute.snapshots > 0
    assert compute.mismatches == []
    assert len(compute.compute_runs) == len(compute.bare_runs) == 2
    assert dashboard.path == "/performance/?financial_year=2023-24"
    assert [page.path for page in worklist] == ["/", "/api/v1/work/", "/"]
    for page in (dashboard, first, last, api, *worklist):
        assert page.status == 200
        assert len(page.timings) == 3
        assert page.queries > 0
    assert last.path.endswith("&page=last")

    text = measure.report(
        scale="0.01",
        today=TODAY,
        env=measure.environment(),
        rows=measure.row_counts(),
        compute=compute,
        pages=[dashboard, first, last],
        api=api,
        served=None,
        worklist=worklist,
    )
    assert "| Your work p95 < 250 ms" in text
    for heading in (
        "## Scale 0.01",
        "### 1. compute_timeliness against bare SQL",
        "### 2 and 3. Pages (in-process)",
        "### 4. Liaison API under gunicorn",
        "### 5. SQL queries per request",
        "### Goals",
    ):
        assert heading in text
    assert "all equal." in text
    assert "in-process" in text
    assert "PostgreSQL" in text
    assert "CPUs" in text
    assert "Load average at the start" in text


def test_bare_sql_counts_equal_the_snapshot_totals(seeded):
    measure.measure_compute(today=TODAY, runs=1)
    counts = measure.bare_counts(today=TODAY)
    totals = {}
    for (year, _), families in counts.items():
        for family, values in families.items():
            for name, value in values.items():
                bucket = totals.setdefault(year, {}).setdefault(family, {})
                bucket[name] = bucket.get(name, 0) + value
    snapshots = {
        s.financial_year: s.figures
        for s in TimelinessSnapshot.objects.filter(organisation__isnull=True)
    }
    assert set(totals) == set(snapshots)
    assert sum(v["referrals"]["received"] for v in totals.values()) > 0
    for year, families in totals.items():
        for family, values in families.items():
            for name, value in values.items():
                assert snapshots[year][family][name] == value, (year, family, name)


def test_parity_check_notices_a_difference(seeded):
    measure.measure_compute(today=TODAY, runs=1)
    snapshot = TimelinessSnapshot.objects.filter(organisation__isnull=True).first()
    snapshot.figures["referrals"]["received"] += 1
    snapshot.save()
    assert any("referrals.received" in m for m in measure.parity_mismatches(today=TODAY))


def test_percentile_is_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert measure.percentile(values, 50) == 50
    assert measure.percentile(values, 95) == 95
    assert measure.percentile([7.0], 95) == 7


@pytest.mark.django_db(transaction=True)
def test_served_api_against_the_trivial_endpoint(met):
    token = measure.liaison_token()
    served = measure.measure_served(
        token=token, requests=12, concurrency=3, workers=1, time_limit=20
    )
    assert served.liaison.statuses == {200: 12}
    assert served.baseline.statuses == {200: 12}
    assert served.refused.statuses == {401: 12}
    assert served.liaison.per_second > 0
    assert served.baseline.per_second > 0
    assert served.refused.per_second > 0
    assert served.share > 0
