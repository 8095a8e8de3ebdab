import datetime as dt
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from oversight.demo import runner, volumes


class Command(BaseCommand):
    help = (
        "Fill an empty database with realistic demo casework over several financial years "
        "(scale 1 is one national body's volume; volumes by force follow officer strength). "
        "Demo rows carry no insert history (the audit triggers are skipped for the load). "
        "A second run while one is under way stops at once, writing nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Volume multiplier.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (deterministic).")
        parser.add_argument(
            "--first-year",
            type=int,
            default=volumes.FIRST_FINANCIAL_YEAR,
            help="First financial year, by the year it starts (2019 for 2019-20).",
        )
        parser.add_argument(
            "--today", type=dt.date.fromisoformat, help="Generate up to this date (YYYY-MM-DD)."
        )

    def handle(self, *args, scale, seed, first_year, today, **options):
        today = today or timezone.localdate()
        started = time.monotonic()
        try:
            counts = runner.seed(
                scale=scale, seed=seed, today=today, first_year=first_year, progress=sys.stderr
            )
        except (runner.NotEmptyError, runner.AlreadyRunningError, ValueError) as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{count} {family}" for family, count in counts.items())
        self.stdout.write(f"Seeded {summary} in {time.monotonic() - started:.1f} s.")
