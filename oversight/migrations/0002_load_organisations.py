"""Load the 43 territorial forces of England and Wales, British Transport Police, and the
national bodies that recommendations are addressed to. Officer strength is approximate and
only used to give forces demo volumes in proportion to their size."""

from django.db import migrations
from django.utils.text import slugify

TERRITORIAL_FORCES = [
    ("Avon and Somerset Constabulary", 3100),
    ("Bedfordshire Police", 1400),
    ("Cambridgeshire Constabulary", 1700),
    ("Cheshire Constabulary", 2300),
    ("City of London Police", 1000),
    ("Cleveland Police", 1500),
    ("Cumbria Constabulary", 1300),
    ("Derbyshire Constabulary", 2000),
    ("Devon and Cornwall Police", 3600),
    ("Dorset Police", 1400),
    ("Durham Constabulary", 1300),
    ("Dyfed-Powys Police", 1300),
    ("Essex Police", 3700),
    ("Gloucestershire Constabulary", 1300),
    ("Greater Manchester Police", 8000),
    ("Gwent Police", 1500),
    ("Hampshire and Isle of Wight Constabulary", 3500),
    ("Hertfordshire Constabulary", 2300),
    ("Humberside Police", 2200),
    ("Kent Police", 4200),
    ("Lancashire Constabulary", 3500),
    ("Leicestershire Police", 2300),
    ("Lincolnshire Police", 1200),
    ("Merseyside Police", 4000),
    ("Metropolitan Police Service", 34000),
    ("Norfolk Constabulary", 1900),
    ("North Wales Police", 1600),
    ("North Yorkshire Police", 1700),
    ("Northamptonshire Police", 1500),
    ("Northumbria Police", 3700),
    ("Nottinghamshire Police", 2400),
    ("South Wales Police", 3500),
    ("South Yorkshire Police", 3100),
    ("Staffordshire Police", 2000),
    ("Suffolk Constabulary", 1400),
    ("Surrey Police", 2200),
    ("Sussex Police", 3200),
    ("Thames Valley Police", 5000),
    ("Warwickshire Police", 1100),
    ("West Mercia Police", 2600),
    ("West Midlands Police", 8000),
    ("West Yorkshire Police", 6000),
    ("Wiltshire Police", 1200),
]
SPECIAL_FORCES = [("British Transport Police", 3100)]
NATIONAL_BODIES = ["College of Policing", "National Police Chiefs' Council", "Home Office"]


def load(apps, schema_editor):
    Organisation = apps.get_model("oversight", "Organisation")
    rows = (
        [(name, "territorial_force", size) for name, size in TERRITORIAL_FORCES]
        + [(name, "special_force", size) for name, size in SPECIAL_FORCES]
        + [(name, "national_body", None) for name in NATIONAL_BODIES]
    )
    for name, kind, size in rows:
        Organisation.objects.update_or_create(
            code=slugify(name.replace("'", "")),
            defaults={"name": name, "kind": kind, "officer_strength": size},
        )


def unload(apps, schema_editor):
    Organisation = apps.get_model("oversight", "Organisation")
    names = [n for n, _ in TERRITORIAL_FORCES + SPECIAL_FORCES] + NATIONAL_BODIES
    Organisation.objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
