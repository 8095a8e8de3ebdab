"""The migration to representations against publication: a request not to publish recorded
before is kept as representations decided "not published", so nothing is lost and nothing
withheld becomes publishable."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("learning", "0001_initial")]
AFTER = [("learning", "0002_response_representations_and_judicial_review")]


@pytest.mark.django_db(transaction=True)
def test_a_recorded_request_not_to_publish_becomes_representations_decided_not_published(
    herts, caseworker
):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    recommendation = old.get_model("learning", "Recommendation").objects.create(
        reference="REC-2024-000001",
        recipient_id=herts.pk,
        source_kind="thematic",
        theme="Custody",
        type="training",
        text="Train custody staff.",
        is_statutory=True,
        status="accepted",
        issued_on=dt.date(2024, 5, 1),
        response_due_on=dt.date(2024, 6, 25),
        responded_on=dt.date(2024, 5, 20),
        response="Accepted.",
        created_by_id=caseworker.pk,
        updated_by_id=caseworker.pk,
    )
    Response = old.get_model("learning", "RecommendationResponse")
    for declined in (True, False):
        Response.objects.create(
            recommendation=recommendation,
            status="accepted",
            text=f"Declined: {declined}",
            received_on=dt.date(2024, 5, 20),
            received_via="email",
            publication_declined=declined,
            publish_by=None if declined else dt.date(2024, 6, 9),
            submitted_by_id=caseworker.pk,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("learning", "RecommendationResponse")
    got = {
        r.text: (
            bool(r.representations),
            r.publication_decision,
            r.publication_decided_on,
            r.publish_by,
        )
        for r in new.objects.all()
    }
    assert got == {
        "Declined: True": (True, "not_published", dt.date(2024, 5, 20), None),
        "Declined: False": (False, "", None, dt.date(2024, 6, 9)),
    }
