"""The demo data resembles the real years: each figure a report publishes, as the timeliness
computation derives it from the seeded cases, is within the stated tolerance of it."""

import datetime as dt

import pytest

from oversight.demo import published, runner, volumes
from oversight.performance import figures
from oversight.performance.selectors import totals_by_year
from oversight.performance.snapshots import timeliness_compute

# The module's tests read one seeding; the mark has pytest-django set up the test database.
pytestmark = pytest.mark.django_db
SCALE = 0.5
# After 2021/22's responses have had time to arrive.
TODAY = dt.date(2022, 9, 30)


@pytest.fixture(scope="module")
def seeded_figures(django_db_setup, django_db_blocker):
    """Seed once for the module (about ten seconds), compute, read the totals, then empty."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            runner.seed(scale=SCALE, today=TODAY)
            timeliness_compute(today=TODAY)
            totals = {year: row.figures for year, row in totals_by_year().items()}
            transaction.set_rollback(True)
    return totals


def _cases():
    return [
        (year, key, expected)
        for year, stated in published.PUBLISHED.items()
        for key, expected in stated.items()
    ]


def test_the_demo_begins_before_the_first_reported_year():
    assert volumes.FIRST_FINANCIAL_YEAR < volumes.FIRST_REPORTED_YEAR
    assert min(published.PUBLISHED) == f"{volumes.FIRST_REPORTED_YEAR}-20"


@pytest.mark.parametrize(("year", "key", "expected"), _cases())
def test_seeded_figure_is_near_the_published_one(seeded_figures, year, key, expected):
    seeded = figures.value(seeded_figures[year], key)
    if figures.is_rate(key):
        assert seeded == pytest.approx(expected, abs=published.RATE_TOLERANCE_POINTS)
    else:
        assert seeded == pytest.approx(expected * SCALE, rel=published.COUNT_TOLERANCE)


def test_appeals_fade_after_the_reform_and_run_on(seeded_figures):
    appeals = [seeded_figures[year]["appeals"]["received"] for year in ("2019-20", "2021-22")]
    reviews = seeded_figures["2021-22"]["reviews"]["received"]
    assert appeals[0] > appeals[1] > 0
    assert reviews > appeals[1]


def test_some_past_statutory_recommendations_were_never_answered(seeded_figures):
    overdue = [seeded_figures[year]["recommendations"]["overdue"] for year in published.PUBLISHED]
    assert sum(overdue) > 0
