"""The learning migrations: nothing a recommendation said is lost on the way. A request not
to publish recorded before representations were kept becomes representations decided "not
published", so nothing withheld becomes publishable."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from appeals.tests.factories import ApplicationFactory
from cases.models import Theme
from cases.tests.factories import InvestigationFactory

REPRESENTATIONS_BEFORE = [("learning", "0001_initial")]
REPRESENTATIONS_AFTER = [("learning", "0002_response_representations_and_judicial_review")]
THEMES_BEFORE = REPRESENTATIONS_AFTER
THEMES_AFTER = [("learning", "0004_recommendation_theme_data")]
SOURCES_BEFORE = THEMES_AFTER
SOURCES_AFTER = [("learning", "0006_recommendation_source_records_data")]


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    """Whatever a test migrated back to, the tests after it find the latest schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _recommendation(apps, organisation, user, reference, **fields):
    Recommendation = apps.get_model("learning", "Recommendation")
    defaults = {
        "status": "issued",
        "issued_on": dt.date(2024, 5, 1),
        "type": "training",
        "source_kind": "thematic",
    }
    return Recommendation.objects.create(
        reference=reference,
        recipient_id=organisation.pk,
        text="Kept as it was.",
        created_by_id=user.pk,
        updated_by_id=user.pk,
        **{**defaults, **fields},
    )


@pytest.mark.django_db(transaction=True)
def test_a_free_text_theme_that_names_a_thematic_area_becomes_it_and_others_are_kept(
    herts, caseworker
):
    apps = _migrate(THEMES_BEFORE)
    # cases stays migrated: the themes are the current ones.
    mental_health, _ = Theme.objects.get_or_create(
        code="mental_health", defaults={"name": "Mental health"}
    )
    taser, _ = Theme.objects.get_or_create(code="use_of_taser", defaults={"name": "Use of Taser"})
    rows = {
        "REC-2024-000001": "  mental HEALTH ",  # the name, any case, spaces trimmed
        "REC-2024-000002": "USE_OF_TASER",  # the code
        "REC-2024-000003": "Custardy",  # names no theme
        "REC-2024-000004": " Custardy",
    }
    for reference, theme in rows.items():
        _recommendation(apps, herts, caseworker, reference, theme=theme)
    _recommendation(apps, herts, caseworker, "REC-2024-000005", status="draft", issued_on=None)

    apps = _migrate(THEMES_AFTER)
    Recommendation = apps.get_model("learning", "Recommendation")
    got = {
        r.reference: (r.theme_id, r.theme_text, r.text)
        for r in Recommendation.objects.order_by("reference")
    }
    assert got == {
        "REC-2024-000001": (mental_health.pk, "", "Kept as it was."),
        "REC-2024-000002": (taser.pk, "", "Kept as it was."),
        "REC-2024-000003": (None, "Custardy", "Kept as it was."),
        "REC-2024-000004": (None, "Custardy", "Kept as it was."),
        "REC-2024-000005": (None, "", "Kept as it was."),
    }

    # Back again, each theme is its name as text.
    apps = _migrate(THEMES_BEFORE)
    Recommendation = apps.get_model("learning", "Recommendation")
    assert dict(Recommendation.objects.values_list("reference", "theme")) == {
        "REC-2024-000001": "Mental health",
        "REC-2024-000002": "Use of Taser",
        "REC-2024-000003": "Custardy",
        "REC-2024-000004": "Custardy",
        "REC-2024-000005": "",
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_source_reference_that_names_a_record_links_to_it_and_others_keep_the_text(
    herts, caseworker
):
    investigation = InvestigationFactory(reference="INV-2023-000007")
    review = ApplicationFactory(reference="REV-2023-000008")
    apps = _migrate(SOURCES_BEFORE)
    rows = {
        "REC-2024-000001": ("investigation", investigation.reference),
        "REC-2024-000002": ("application", review.reference),
        "REC-2024-000003": ("investigation", "INV-2019-000404"),  # names no record
        "REC-2024-000004": ("thematic", ""),
    }
    for reference, (kind, source) in rows.items():
        _recommendation(
            apps,
            herts,
            caseworker,
            reference,
            source_kind=kind,
            source_reference=source,
            theme_text="Custardy",
        )

    apps = _migrate(SOURCES_AFTER)
    Recommendation = apps.get_model("learning", "Recommendation")
    got = {
        r.reference: (
            r.source_kind,
            r.source_reference,
            r.source_investigation_id,
            r.source_application_id,
        )
        for r in Recommendation.objects.all()
    }
    assert got == {
        "REC-2024-000001": ("investigation", investigation.reference, investigation.pk, None),
        "REC-2024-000002": ("application", review.reference, None, review.pk),
        "REC-2024-000003": ("investigation", "INV-2019-000404", None, None),
        "REC-2024-000004": ("thematic", "", None, None),
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_recorded_request_not_to_publish_becomes_representations_decided_not_published(
    herts, caseworker
):
    executor = MigrationExecutor(connection)
    executor.migrate(REPRESENTATIONS_BEFORE)
    old = executor.loader.project_state(REPRESENTATIONS_BEFORE).apps
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
    executor.migrate(REPRESENTATIONS_AFTER)
    new = executor.loader.project_state(REPRESENTATIONS_AFTER).apps.get_model(
        "learning", "RecommendationResponse"
    )
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
