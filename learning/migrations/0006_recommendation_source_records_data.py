"""Each existing recommendation links to the investigation (INV-) or application (APP-,
REV-) its source reference names; a reference that names no record keeps its text and no
link (issue 12 item 8)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def links_from_references(apps, schema_editor):
    Recommendation = apps.get_model("learning", "Recommendation")
    Investigation = apps.get_model("cases", "Investigation")
    Application = apps.get_model("appeals", "Application")
    for kind, field, model in [
        ("investigation", "source_investigation", Investigation),
        ("application", "source_application", Application),
    ]:
        named = model.objects.filter(reference=OuterRef("source_reference")).values("pk")[:1]
        Recommendation.objects.filter(source_kind=kind).exclude(source_reference="").update(
            **{field: Subquery(named)}
        )


def no_links(apps, schema_editor):
    Recommendation = apps.get_model("learning", "Recommendation")
    Recommendation.objects.update(source_investigation=None, source_application=None)


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0003_regime_and_review_body_criteria"),
        ("cases", "0009_statutory_notice_recipients_and_contents"),
        ("learning", "0005_recommendation_source_records"),
    ]

    operations = [migrations.RunPython(links_from_references, no_links)]
