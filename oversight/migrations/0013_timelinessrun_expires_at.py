from django.db import migrations, models

import oversight.performance.models


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0012_party_outcome_told_on"),
    ]

    operations = [
        # Added without a default first, so that the runs already stored get no expiry (they
        # are long over) rather than one half an hour from the migration.
        migrations.AddField(
            model_name="timelinessrun",
            name="expires_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="timelinessrun",
            name="expires_at",
            field=models.DateTimeField(
                blank=True, default=oversight.performance.models.queued_expiry, null=True
            ),
        ),
    ]
