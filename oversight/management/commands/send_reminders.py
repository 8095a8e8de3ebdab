import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from oversight.work.reminders import reminders_send


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Email each member of staff the duties on their cases overdue or due within 5 working "
        "days (the same service as the daily Celery task)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Send as on this day (YYYY-MM-DD); default today")

    def handle(self, *args, **options):
        today = _date(options["date"]) if options["date"] else timezone.localdate()
        sent = reminders_send(today=today)
        self.stdout.write(f"Sent {sent} reminder{'' if sent == 1 else 's'}.")
