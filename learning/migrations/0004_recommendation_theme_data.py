"""Each recommendation's old free-text theme, now in theme_text, becomes the thematic area it
names (its name or its code, in any case, spaces trimmed); a text that names none stays in
theme_text so that nothing is lost (issue 12 item 5)."""

from django.db import migrations


def _key(text: str) -> str:
    return text.strip().casefold()


def themes_from_text(apps, schema_editor):
    Theme = apps.get_model("cases", "Theme")
    Recommendation = apps.get_model("learning", "Recommendation")
    by_key = {}
    # Names first, so that a name wins over another theme's code written the same way.
    for theme in Theme.objects.order_by("id"):
        by_key.setdefault(_key(theme.code), theme.pk)
    for theme in Theme.objects.order_by("id"):
        by_key[_key(theme.name)] = theme.pk
    texts = (
        Recommendation.objects.exclude(theme_text="")
        .values_list("theme_text", flat=True)
        .distinct()
    )
    for text in list(texts):
        theme_id = by_key.get(_key(text))
        rows = Recommendation.objects.filter(theme_text=text)
        if theme_id is not None:
            rows.update(theme_id=theme_id, theme_text="")
        elif text != text.strip():
            rows.update(theme_text=text.strip())


def text_from_themes(apps, schema_editor):
    Recommendation = apps.get_model("learning", "Recommendation")
    for recommendation in Recommendation.objects.filter(theme__isnull=False).select_related(
        "theme"
    ):
        recommendation.theme_text = recommendation.theme.name[:100]
        recommendation.theme = None
        recommendation.save(update_fields=["theme_text", "theme"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_seed_themes"),
        ("learning", "0003_recommendation_theme"),
    ]

    operations = [migrations.RunPython(themes_from_text, text_from_themes)]
