"""The audit trail of a record as people read it: who changed what, and when.

pghistory's triggers record every insert and update in event tables, with the acting
user in the context. This module turns those events into readable entries.
"""

import dataclasses
import datetime as dt

from django.db import models
from django.utils.text import capfirst
from pghistory.models import Events

from oversight.models import User

# Bookkeeping columns that change on every save and mean nothing to a reader.
HIDDEN_FIELDS = frozenset(
    {"id", "version", "updated_at", "created_at", "updated_by", "created_by", "recorded_at"}
)


@dataclasses.dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclasses.dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    who: str
    what: str
    changes: list[Change]


def _field(model: type[models.Model], column: str) -> models.Field | None:
    """The model field stored in this column (event data is keyed by column name)."""
    for field in model._meta.concrete_fields:
        if column in (field.attname, field.name):
            return field
    return None


def _display(model: type[models.Model], name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    field = _field(model, name)
    if field is None:  # a column the model no longer has
        return str(value)
    choices = dict(getattr(field, "flatchoices", None) or [])
    base = getattr(field, "base_field", None)
    if base is not None and base.choices:
        choices = dict(base.flatchoices)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return dt.date.fromisoformat(value).strftime("%-d %B %Y")
    if field.is_relation:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related else str(value)
    return str(choices.get(value, value))


def _label(model: type[models.Model], name: str) -> str:
    field = _field(model, name)
    return capfirst(str(field.verbose_name)) if field else name


def _shown(model: type[models.Model], name: str, parent: models.Model) -> bool:
    field = _field(model, name)
    if field is None or field.name in HIDDEN_FIELDS or field.primary_key:
        return False
    # The link back to the record whose history this is says nothing new.
    return not (field.is_relation and field.related_model is type(parent))


def history_of(obj: models.Model, *tracked: type[models.Model]) -> list[HistoryEntry]:
    """Events of `obj` and of rows pointing at it (such as its determinations), oldest first."""
    order = {m._meta.label: i for i, m in enumerate(tracked)}
    # Events of one transaction share a timestamp: then the record itself comes first.
    events = sorted(
        Events.objects.references(obj),
        key=lambda e: (e.pgh_created_at, order.get(e.pgh_obj_model, len(order)), e.pgh_id),
    )
    user_ids = {e.pgh_context.get("user") for e in events if e.pgh_context}
    users = {u.pk: u.display_name for u in User.objects.filter(pk__in=user_ids - {None})}
    models_by_label = {m._meta.label: m for m in tracked}
    entries = []
    for event in events:
        model = models_by_label.get(event.pgh_obj_model)
        if model is None:
            continue
        who = users.get((event.pgh_context or {}).get("user"), "System")
        if event.pgh_label == "insert":
            what = f"{capfirst(model._meta.verbose_name)} recorded"
            source = {k: [None, v] for k, v in event.pgh_data.items()}
        else:
            what = f"{capfirst(model._meta.verbose_name)} changed"
            source = event.pgh_diff or {}
        changes = [
            Change(_label(model, name), _display(model, name, old), _display(model, name, new))
            for name, (old, new) in source.items()
            if _shown(model, name, obj)
            and (old not in (None, "", []) or new not in (None, "", []))
        ]
        if event.pgh_label != "insert" and not changes:
            continue
        entries.append(HistoryEntry(at=event.pgh_created_at, who=who, what=what, changes=changes))
    return entries
