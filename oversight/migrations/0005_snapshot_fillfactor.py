"""Every computation stamps every snapshot; with room left on each page PostgreSQL updates
them in place (HOT updates, no index writes), and the table does not grow between vacuums."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("oversight", "0004_timeliness")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE oversight_timelinesssnapshot SET (fillfactor = 40)",
            "ALTER TABLE oversight_timelinesssnapshot RESET (fillfactor)",
        )
    ]
