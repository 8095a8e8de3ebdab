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


FORWARD_BEFORE = [
    ("appeals", "0003_regime_and_review_body_criteria"),
    ("oversight", "0006_local_policing_bodies"),
]
FORWARD_AFTER = [("appeals", "0004_forwarded_to_organisation_and_first_received")]


@pytest.mark.django_db(transaction=True)
def test_forwarded_to_text_naming_an_organisation_becomes_it_and_other_text_is_kept(
    herts, caseworker
):
    """Free text that names an organisation (by name, whatever the case, or as "X PCC",
    "Police and Crime Commissioner for X", "the local policing body for X Constabulary")
    becomes the organisation; text that names none stays, word for word."""
    executor = MigrationExecutor(connection)
    executor.migrate(FORWARD_BEFORE)
    apps = executor.loader.project_state(FORWARD_BEFORE).apps
    Organisation = apps.get_model("oversight", "Organisation")
    Application = apps.get_model("appeals", "Application")
    # The local policing bodies were loaded by oversight 0006; the force's link too, unless
    # an earlier test flushed them (then this makes them as the migration does).
    pcc, _ = Organisation.objects.get_or_create(
        code="police-and-crime-commissioner-for-hertfordshire",
        defaults={
            "name": "Police and Crime Commissioner for Hertfordshire",
            "kind": "local_policing_body",
        },
    )
    Organisation.objects.filter(pk=herts.pk).update(local_policing_body=pcc)
    mayor, _ = Organisation.objects.get_or_create(
        code="mayor-of-greater-manchester",
        defaults={"name": "Mayor of Greater Manchester", "kind": "local_policing_body"},
    )
    texts = {
        "REV-2024-000001": "police and crime commissioner for hertfordshire",
        "REV-2024-000002": "Hertfordshire PCC",
        "REV-2024-000003": "The local policing body for Hertfordshire Constabulary",
        "REV-2024-000004": "Greater Manchester Combined Authority",
        "APP-2020-000001": "Hertfordshire Constabulary",
        "REV-2024-000005": "The PCC",
        "REV-2024-000006": "Someone at the town hall",
    }
    for reference, text in texts.items():
        appeal = reference.startswith("APP")
        Application.objects.create(
            reference=reference,
            organisation_id=herts.pk,
            complaint_made_on=dt.date(2019, 11, 1) if appeal else dt.date(2024, 1, 15),
            outcome_notified_on=dt.date(2024, 5, 10),
            received_on=dt.date(2024, 5, 20),
            subject="other",
            regime=regime.PRE_2020 if appeal else regime.POST_2020,
            kind="appeal" if appeal else "review",
            apply_by=dt.date(2024, 6, 7),
            review_body="chief_officer" if appeal else "local_policing_body",
            status="forwarded",
            forwarded_to=text,
            forwarded_on=dt.date(2024, 5, 22),
            created_by_id=caseworker.pk,
            updated_by_id=caseworker.pk,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(FORWARD_AFTER)
    Migrated = executor.loader.project_state(FORWARD_AFTER).apps.get_model(
        "appeals", "Application"
    )
    got = {a.reference: (a.forwarded_to_id, a.forwarded_to_text) for a in Migrated.objects.all()}
    assert got == {
        "REV-2024-000001": (pcc.pk, ""),
        "REV-2024-000002": (pcc.pk, ""),
        "REV-2024-000003": (pcc.pk, ""),
        "REV-2024-000004": (mayor.pk, ""),
        "APP-2020-000001": (herts.pk, ""),
        "REV-2024-000005": (None, "The PCC"),
        "REV-2024-000006": (None, "Someone at the town hall"),
    }
    assert not Migrated.objects.filter(first_received_on__isnull=False).exists()
    # Reversed, every application is forwarded to words again: the organisation's name.
    executor = MigrationExecutor(connection)
    executor.migrate(FORWARD_BEFORE)
    Reversed = executor.loader.project_state(FORWARD_BEFORE).apps.get_model(
        "appeals", "Application"
    )
    back = dict(Reversed.objects.values_list("reference", "forwarded_to"))
    assert back["REV-2024-000002"] == "Police and Crime Commissioner for Hertfordshire"
    assert back["REV-2024-000006"] == "Someone at the town hall"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
