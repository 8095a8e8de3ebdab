from django.core.management.base import BaseCommand
from django.utils import timezone

from oversight.performance.models import TimelinessRun
from oversight.performance.snapshots import timeliness_compute


class Command(BaseCommand):
    help = "Compute the timeliness figures now (the same computation as the Celery task)."

    def handle(self, *args, **options):
        started = timezone.now()
        run = TimelinessRun.objects.create(trigger="command")
        written = timeliness_compute(today=timezone.localdate(), run=run)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(f"Computed {written} snapshots in {seconds:.2f} s.")
