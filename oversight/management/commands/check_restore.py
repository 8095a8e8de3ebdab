import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

from oversight import restore_check


class Command(BaseCommand):
    help = (
        "Check a restored copy of the database (read only): every migration applied, "
        "the main tables' rows compared with the live database's, the latest audit event. "
        "Prints a summary; exits non-zero if the copy is not usable."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-url", required=True, help="The restored copy: postgres://.../NAME"
        )
        parser.add_argument(
            "--no-compare",
            action="store_true",
            help="Do not read the live database (DATABASE_URL); then every main table must "
            "have rows.",
        )
        parser.add_argument(
            "--max-age-hours",
            type=float,
            help="Fail if the latest audit event restored is older than this.",
        )

    def handle(self, *args, database_url, no_compare, max_age_hours, **options):
        alias = restore_check.add_restored_connection(database_url)
        try:
            report = restore_check.check_restore(
                alias,
                compare_live=not no_compare,
                max_age=dt.timedelta(hours=max_age_hours) if max_age_hours else None,
                now=timezone.now(),
            )
        finally:
            connections[alias].close()
        name = connections.settings[alias]["NAME"]
        self.stdout.write(f"Restored copy: {name}")
        self.stdout.write(
            "Migrations: all applied"
            if not report.unapplied
            else f"Migrations: {len(report.unapplied)} not applied"
        )
        for label, (restored, live) in report.counts.items():
            compared = "" if live is None else f" (live {live})"
            self.stdout.write(f"  {label}: {restored} rows{compared}")
        latest = report.latest_event.isoformat() if report.latest_event else "none"
        live = (
            f" (live {report.live_latest_event.isoformat()})" if report.live_latest_event else ""
        )
        self.stdout.write(f"Latest audit event: {latest}{live}")
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError("The restored copy failed its check.")
        self.stdout.write(self.style.SUCCESS("The restored copy passed its check."))
