"""What every family's generator shares: the random source, the day, people, references."""

import datetime as dt
import io
import itertools
import random
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import connection

from oversight.core.models import Organisation, ReferenceCounter, User
from oversight.core.references import format_reference
from oversight.demo import volumes

FALLBACK_FIRST = ["Amelia", "Oliver", "Priya", "James", "Chloe", "Mohammed", "Sophie", "Daniel"]
FALLBACK_LAST = ["Smith", "Patel", "Jones", "Williams", "Khan", "Taylor", "Brown", "Evans"]


def weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def scaled(rng: random.Random, expected: float) -> int:
    """A whole number of rows with the right expectation (0.4 rows: 0 or 1, 40% of the time)."""
    whole = int(expected)
    return whole + (1 if rng.random() < expected - whole else 0)


def name_pool(seed: int, size: int = 400) -> list[str]:
    """Plausible but fictitious names (Faker en_GB when installed)."""
    try:
        from faker import Faker
    except ImportError:  # Faker is a development dependency
        rng = random.Random(seed)
        return [f"{rng.choice(FALLBACK_FIRST)} {rng.choice(FALLBACK_LAST)}" for _ in range(size)]
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    return [fake.name() for _ in range(size)]


class References:
    """Numbers handed out in bulk, continuing any existing counters, saved back at the end."""

    def __init__(self) -> None:
        self.last = {(c.prefix, c.year): c.last for c in ReferenceCounter.objects.all()}
        self.used: set[tuple[str, int]] = set()

    def next(self, prefix: str, year: int) -> str:
        key = (prefix, year)
        number = self.last.get(key, 0) + 1
        self.last[key] = number
        self.used.add(key)
        return format_reference(prefix, year, number)

    def save(self) -> None:
        for prefix, year in sorted(self.used):
            ReferenceCounter.objects.update_or_create(
                prefix=prefix, year=year, defaults={"last": self.last[(prefix, year)]}
            )


@dataclass
class Context:
    rng: random.Random
    today: dt.date
    scale: float
    closed: frozenset[dt.date]
    users: list[User]
    forces: list[Organisation]
    force_weights: list[float]
    national_bodies: list[Organisation]
    names: list[str]
    references: References = field(default_factory=References)
    counts: dict[str, int] = field(default_factory=dict)
    progress: object = sys.stderr
    # Owners are drawn from a stream of their own, so the rest of the data (and the figures
    # computed from it) stays as it was before cases had owners.
    owner_rng: random.Random = field(default_factory=lambda: random.Random(28))

    def force(self) -> Organisation:
        return self.rng.choices(self.forces, cum_weights=self.force_weights)[0]

    def user(self) -> User:
        return self.rng.choice(self.users)

    def owner(self) -> User | None:
        """Who has a case: most have one of the staff, some wait unallocated."""
        if self.owner_rng.random() < volumes.UNALLOCATED_SHARE:
            return None
        return self.owner_rng.choice(self.users)

    def days_between(self, low: int, high: int) -> dt.timedelta:
        return dt.timedelta(days=self.rng.randint(low, high))

    def count(self, family: str, rows: int) -> None:
        self.counts[family] = self.counts.get(family, 0) + rows

    def insert(self, model, rows: list, family: str | None = None) -> list:
        """Insert the rows (see bulk), counting them under `family` when given."""
        bulk(model, rows)
        if family:
            self.count(family, len(rows))
        return rows

    def say(self, line: str) -> None:
        if self.progress is not None:
            print(line, file=self.progress, flush=True)


def force_cum_weights(forces: Iterable[Organisation]) -> list[float]:
    """Volumes in proportion to officer strength (a middling force when it is unknown)."""
    return list(itertools.accumulate(float(f.officer_strength or 2000) for f in forces))


def _copy_text(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        items = ",".join(
            '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"' for v in value
        )
        value = "{" + items + "}"
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def bulk(model, rows: list, batch_size: int = volumes.BATCH_SIZE) -> list:
    """Insert with COPY, in batches; ids are taken from the table's sequence first, so that
    the rows (and rows pointing at them) know their ids, as after bulk_create."""
    if not rows:
        return rows
    table = model._meta.db_table
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            # Through Django's execute, so pgtrigger.ignore's setting applies to the COPY too.
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, len(batch)],
            )
            lines = []
            for obj, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                obj._prepare_related_fields_for_save(operation_name="bulk_create")
                obj.pk = pk
                values = (
                    f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields
                )
                lines.append("\t".join(_copy_text(v) for v in values))
                obj._state.adding = False
                obj._state.db = connection.alias
            data = io.StringIO("\n".join(lines) + "\n")
            cursor.cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", data)
    return rows


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))
