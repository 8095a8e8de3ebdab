"""The learning migrations: nothing a recommendation said is lost on the way."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from appeals.tests.factories import ApplicationFactory
from cases.models import Theme
from cases.tests.factories import InvestigationFactory

THEMES_BEFORE = [("learning", "0001_initial")]
THEMES_AFTER = [("learning", "0003_recommendation_theme_data")]
SOURCES_BEFORE = THEMES_AFTER
SOURCES_AFTER = [("learning", "0005_recommendation_source_records_data")]


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
