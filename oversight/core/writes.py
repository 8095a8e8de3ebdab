"""The shape of every write to a case record, written once for every app's services.

A write is all or nothing and names its author in the audit trail (`attributed`). A change
to an existing record locks its row and refuses a save made from a stale read
(`lock_for_update`: optimistic locking on the record's `version`), sets only the fields the
service allows (`set_fields`, after HackSoft's model_update), and saves the record as the
actor with a new version (`save_new_version`).
"""

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from typing import TypeVar

import pghistory
from django.db import transaction
from django.db.models import QuerySet

from oversight.core.errors import ConflictError
from oversight.core.models import User, VersionedModel

Record = TypeVar("Record", bound=VersionedModel)


@contextmanager
def attributed(actor: User) -> Iterator[None]:
    """One transaction whose every row written records the actor in its history."""
    with transaction.atomic(), pghistory.context(user=actor.pk):
        yield


def lock_for_update(
    record: Record, *, version: int | None = None, queryset: QuerySet | None = None
) -> Record:
    """The record's row read again and locked until the transaction ends; ConflictError if
    its version moved on since the caller read `version` (no check when it is None).

    `queryset` may join what the write reads (only the record's own row is locked)."""
    if queryset is None:
        queryset = type(record)._default_manager.all()
    locked = queryset.select_for_update(of=("self",)).get(pk=record.pk)
    if version is not None and locked.version != version:
        raise ConflictError()
    return locked


def set_fields(record: VersionedModel, data: Mapping, *, allowed: Collection[str]) -> list[str]:
    """Set the given fields on the record and return the names of those whose value changed.

    A field the service does not allow is a caller's mistake, not the user's: ValueError."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValueError(f"{type(record).__name__} cannot change {sorted(unknown)} here")
    changed = [name for name, value in data.items() if getattr(record, name) != value]
    for name, value in data.items():
        setattr(record, name, value)
    return changed


def save_new_version(record: Record, *, actor: User) -> Record:
    """Save a write to the record as the actor, moving its version on."""
    record.updated_by = actor
    record.version += 1
    record.save()
    return record
