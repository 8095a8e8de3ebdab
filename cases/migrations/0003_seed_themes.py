"""The ten thematic areas of ../shared/DESIGN.md; admins edit the list afterwards."""

from django.db import migrations

THEMES = [
    ("mental_health", "Mental health"),
    ("road_traffic_incidents", "Road traffic incidents"),
    ("domestic_abuse", "Domestic abuse"),
    ("abuse_of_position_for_a_sexual_purpose", "Abuse of position for a sexual purpose"),
    ("discrimination", "Discrimination"),
    ("near_misses_in_custody", "Near misses in custody"),
    ("stop_and_search", "Stop and search"),
    ("use_of_taser", "Use of Taser"),
    ("violence_against_women_and_girls", "Violence against women and girls"),
    ("deaths_following_police_contact", "Deaths following police contact"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("cases", "Theme")
    for code, name in THEMES:
        Theme.objects.update_or_create(code=code, defaults={"name": name})


def unseed(apps, schema_editor):
    Theme = apps.get_model("cases", "Theme")
    Theme.objects.filter(code__in=[code for code, _ in THEMES], investigations=None).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_investigations")]

    operations = [migrations.RunPython(seed, unseed)]
