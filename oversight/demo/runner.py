"""Fill an empty database with demo casework, year by year, in one transaction."""

import contextlib
import datetime as dt
import random
import time

import pgtrigger
from django.db import connection, transaction

from appeals.models import Application
from cases.models import Investigation, Referral, Theme
from learning.models import Recommendation
from oversight.core.calendar import financial_year_from_start
from oversight.core.casework.models import Contact, Party
from oversight.core.models import STAFF_ROLES, NonWorkingDay, Organisation, Role, User
from oversight.demo import (
    applications,
    investigations,
    parties,
    recommendations,
    referrals,
    volumes,
)
from oversight.demo.common import Context, References, force_cum_weights, name_pool
from oversight.performance.models import Target

NOT_EMPTY = "The database already has case data; seed_demo only fills an empty database."
ALREADY_RUNNING = (
    "Another seed_demo is filling this database now; nothing was written. "
    "Wait for it to finish (a second run would then find the data and stop)."
)
# The key of the PostgreSQL advisory lock one run holds ("seedemo" in ASCII): without it two
# concurrent runs would both find the database empty and both fill it.
SEED_LOCK_KEY = int.from_bytes(b"seedemo", "big")
DEMO_USERS = 6
CASE_MODELS = (Referral, Investigation, Application, Recommendation)


class NotEmptyError(Exception):
    pass


class AlreadyRunningError(Exception):
    pass


def _lock_or_refuse() -> None:
    """Take the seed's advisory lock for this transaction (released at its commit or
    rollback, so never left behind by a crash), or refuse at once if another run holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SEED_LOCK_KEY])
        if not cursor.fetchone()[0]:
            raise AlreadyRunningError(ALREADY_RUNNING)


def has_case_data() -> bool:
    return any(model.objects.exists() for model in CASE_MODELS)


def insert_history_triggers() -> list[str]:
    """The pghistory insert-event triggers of the models seeded (demo rows get no history)."""
    return [
        f"{model._meta.label}:{trigger.name}"
        for model, trigger in pgtrigger.registered()
        if (model._meta.app_label in {"cases", "appeals", "learning"} or model in (Party, Contact))
        and trigger.name.startswith("insert")
    ]


def demo_users(names: list[str]) -> list[User]:
    users = list(User.objects.filter(is_active=True, role__in=STAFF_ROLES).order_by("id"))
    if users:
        return users
    created = []
    for number, name in enumerate(names[:DEMO_USERS], start=1):
        first, _, last = name.partition(" ")
        user = User(
            username=f"demo.caseworker{number}",
            first_name=first,
            last_name=last,
            role=Role.CASEWORKER,
        )
        user.set_unusable_password()
        created.append(user)
    return User.objects.bulk_create(created)


def financial_years(first_year: int, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """(first day, last day up to today) of each financial year from first_year to today's."""
    years = []
    year = first_year
    while dt.date(year, 4, 1) <= today:
        years.append((dt.date(year, 4, 1), min(dt.date(year + 1, 3, 31), today)))
        year += 1
    return years


def _sorted_pool(pool: list) -> list[tuple]:
    """(day, reference, record) by day: the records a recommendation can come from."""
    return sorted((day.isoformat(), record.reference, record) for record, day in pool)


def _targets(years: list[tuple[dt.date, dt.date]]) -> None:
    """The published targets for each demo year, so the dashboard has something to measure
    against (managers change them on the targets page)."""
    Target.objects.bulk_create(
        [
            Target(
                financial_year=financial_year_from_start(first.year),
                metric=metric,
                percentage=percentage,
            )
            for first, _ in years
            for metric, percentage in volumes.TARGETS.items()
        ],
        ignore_conflicts=True,
    )


def seed(
    *,
    scale: float = 1.0,
    seed: int = 1,
    today: dt.date,
    first_year: int = volumes.FIRST_FINANCIAL_YEAR,
    progress=None,
    history: bool = False,
) -> dict[str, int]:
    """Generate and insert; returns the rows inserted by family. NotEmptyError if case data
    already exists, AlreadyRunningError if another run is under way. Insert history is
    skipped unless `history` is true."""
    if scale <= 0:
        raise ValueError("The scale must be more than 0.")
    with transaction.atomic():
        _lock_or_refuse()
        if has_case_data():
            raise NotEmptyError(NOT_EMPTY)
        names = name_pool(seed)
        forces = list(Organisation.objects.filter(is_active=True).forces().order_by("code"))
        if not forces:
            raise ValueError("No police forces are loaded: run migrate first.")
        ctx = Context(
            rng=random.Random(seed),
            today=today,
            scale=scale,
            closed=frozenset(NonWorkingDay.objects.values_list("date", flat=True)),
            users=demo_users(names),
            forces=forces,
            force_weights=force_cum_weights(forces),
            national_bodies=list(
                Organisation.objects.filter(
                    is_active=True, kind=Organisation.Kind.NATIONAL_BODY
                ).order_by("code")
            ),
            names=names,
            references=References(),
            progress=progress,
        )
        # Recommendations take their themes from the list, as the services insist.
        themes = list(Theme.objects.filter(is_active=True).order_by("code"))
        if not themes:
            raise ValueError("No thematic area is active: make one active in the admin first.")
        ignore = (
            contextlib.nullcontext() if history else pgtrigger.ignore(*insert_history_triggers())
        )
        with ignore:
            investigation_pool, application_pool = [], []
            # The parties' own random stream: the rest of the data stays as it was.
            parties_rng = random.Random(seed + 34)
            for first, last in financial_years(first_year, today):
                label = financial_year_from_start(first.year)
                fraction = ((last - first).days + 1) / (
                    (dt.date(first.year + 1, 3, 31) - first).days + 1
                )
                started = time.monotonic()
                made = referrals.generate(ctx, first, last, fraction)
                opened = investigations.generate(ctx, made, themes, investigation_pool)
                received = applications.generate(ctx, first, last, fraction, application_pool)
                parties.generate(ctx, opened, received, parties_rng)
                pools = {
                    "investigation": _sorted_pool(investigation_pool),
                    "application": _sorted_pool(application_pool),
                }
                recommendations.generate(ctx, first, last, fraction, themes, pools)
                ctx.say(
                    f"{label}: {ctx.counts.get('referrals', 0)} referrals, "
                    f"{ctx.counts.get('investigations', 0)} investigations, "
                    f"{ctx.counts.get('applications', 0)} applications, "
                    f"{ctx.counts.get('recommendations', 0)} recommendations so far "
                    f"({time.monotonic() - started:.1f} s)"
                )
            recommendations.drafts(ctx, themes)
        ctx.references.save()
        _targets(financial_years(first_year, today))
    # Fresh planner statistics now, rather than whenever autovacuum gets to the new rows: a
    # table it has not yet analysed gets plans made for the wrong size.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return dict(ctx.counts)
