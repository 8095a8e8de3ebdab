"""The regime migration: every existing application gets the regime of its complaint's date,
nothing else is lost, and appeals against non-recording go to the oversight body."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from oversight.core import regime

BEFORE = [("appeals", "0002_reference_search_indexes")]
AFTER = [("appeals", "0003_regime_and_review_body_criteria")]


@pytest.mark.django_db(transaction=True)
def test_existing_applications_get_the_regime_of_their_complaint_date(herts, caseworker):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    Application = executor.loader.project_state(BEFORE).apps.get_model("appeals", "Application")
    rows = [
        (
            "APP-2020-000001",
            dt.date(2020, 1, 31),
            "appeal",
            "investigation_outcome",
            "chief_officer",
        ),
        ("REV-2020-000001", dt.date(2020, 2, 1), "review", "other", "local_policing_body"),
        ("APP-2020-000002", dt.date(2019, 7, 1), "appeal", "non_recording", "chief_officer"),
    ]
    for reference, made_on, kind, subject, body in rows:
        Application.objects.create(
            reference=reference,
            organisation_id=herts.pk,
            complaint_made_on=made_on,
            outcome_notified_on=dt.date(2020, 3, 1),
            received_on=dt.date(2020, 3, 10),
            subject=subject,
            summary="Kept as it was.",
            kind=kind,
            apply_by=dt.date(2020, 3, 29),
            review_body=body,
            created_by_id=caseworker.pk,
            updated_by_id=caseworker.pk,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    Migrated = executor.loader.project_state(AFTER).apps.get_model("appeals", "Application")
    got = {
        a.reference: (a.regime, a.regime_reason, a.kind, a.review_body, a.summary)
        for a in Migrated.objects.all()
    }
    assert got == {
        "APP-2020-000001": (regime.PRE_2020, "", "appeal", "chief_officer", "Kept as it was."),
        "REV-2020-000001": (
            regime.POST_2020,
            "",
            "review",
            "local_policing_body",
            "Kept as it was.",
        ),
        "APP-2020-000002": (regime.PRE_2020, "", "appeal", "oversight_body", "Kept as it was."),
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
