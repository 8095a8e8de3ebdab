"""Checks of a restored copy of the database (`manage.py check_restore`): a backup is only
known good once restored and read back (NCSC, "Offline backups in an online world";
ISO/IEC 27002:2022, 8.13 "Information backup": backups tested regularly).

The copy is reached through a connection alias added at run time; the live database, when
compared, is `default`. Nothing here writes to either.
"""

import copy
import dataclasses
import datetime as dt
from urllib.parse import unquote

import environ
import pghistory.models
from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Max

RESTORED = "restored"

# The tables a working system cannot do without, and the case records themselves.
MAIN_TABLES = (
    "oversight.Organisation",
    "oversight.User",
    "cases.Referral",
    "cases.Investigation",
    "appeals.Application",
    "learning.Recommendation",
)


@dataclasses.dataclass
class RestoreReport:
    unapplied: list[str]
    counts: dict[str, tuple[int, int | None]]  # table: (restored, live or None)
    latest_event: dt.datetime | None
    live_latest_event: dt.datetime | None
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def add_restored_connection(url: str) -> str:
    """The restored copy as a connection alias, with the same options as the live one."""
    config = copy.deepcopy(connections.settings[DEFAULT_DB_ALIAS])
    config.update(environ.Env.db_url_config(url))
    config["HOST"] = unquote(config["HOST"])  # a socket directory, as settings.py reads it
    config["CONN_MAX_AGE"] = 0
    connections.settings[RESTORED] = config
    return RESTORED


def unapplied_migrations(alias: str) -> list[str]:
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def event_models() -> list:
    """Every pghistory event table (the audit trail), concrete ones only."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, pghistory.models.Event) and not model._meta.proxy
    ]


def latest_event(alias: str) -> dt.datetime | None:
    latest = [
        model.objects.using(alias).aggregate(latest=Max("pgh_created_at"))["latest"]
        for model in event_models()
    ]
    return max((at for at in latest if at is not None), default=None)


def check_restore(alias: str, *, compare_live: bool, max_age: dt.timedelta | None, now):
    problems = []
    unapplied = unapplied_migrations(alias)
    if unapplied:
        problems.append(f"{len(unapplied)} migrations not applied: {', '.join(unapplied)}")
    counts = {}
    for label in MAIN_TABLES:
        model = apps.get_model(label)
        restored = model.objects.using(alias).count()
        live = model.objects.using("default").count() if compare_live else None
        counts[label] = (restored, live)
        if compare_live:
            # The live tables grow after the dump was taken; an empty one restored is the loss.
            if live and not restored:
                problems.append(f"{label}: no rows restored, {live} live")
        elif not restored:
            problems.append(f"{label}: no rows restored")
    latest = latest_event(alias)
    live_latest = latest_event("default") if compare_live else None
    if latest is None:
        problems.append("No audit event restored.")
    elif max_age is not None and now - latest > max_age:
        problems.append(f"The latest audit event restored is older than {max_age}: {latest}")
    return RestoreReport(unapplied, counts, latest, live_latest, problems)
