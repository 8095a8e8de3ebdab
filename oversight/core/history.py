"""The audit trail of a record as people read it: who changed what, and when.

pghistory's triggers record every insert, update and (where a model tracks them) delete in
event tables, with the acting user in the context. This module turns those events into
readable entries, in a fixed number of queries however long the history.
"""

import dataclasses
import datetime as dt

from django.db import models
from django.utils.text import capfirst
from pghistory.models import Events

from oversight.core.models import User
from oversight.core.notes.models import CaseNote

# The case's owner (oversight.core.models.owner_field): a change of it is told as what
# happened ("Owner changed to Casey Worker") rather than as one more changed field.
OWNER_FIELD = "owner"
UNALLOCATED_LABEL = "Unallocated"
# A case note (oversight.core.notes) is in the history of every record as "Note added", by its
# author, with its text; the notes themselves never change, so there is nothing else to tell.
NOTE_ADDED_LABEL = "Note added"
NOTE_SHOWN_FIELDS = frozenset({"text"})

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


def _display(model: type[models.Model], name: str, value, related: dict) -> str:
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
        return related.get((field.related_model, value), str(value))
    return str(choices.get(value, value))


def _related_names(shown: list[tuple[type[models.Model], str, object]]) -> dict:
    """{(related model, pk): its name} for every related value shown: one query per related
    model, rather than one per value."""
    wanted: dict[type[models.Model], set] = {}
    for model, name, value in shown:
        field = _field(model, name)
        if field is not None and field.is_relation and value not in (None, "", []):
            wanted.setdefault(field.related_model, set()).add(value)
    return {
        # People by the name they go by (User.display_name), anything else as it reads.
        (related_model, pk): getattr(row, "display_name", None) or str(row)
        for related_model, pks in wanted.items()
        for pk, row in related_model.objects.in_bulk(list(pks)).items()
    }


def _is_owner(model: type[models.Model], name: str) -> bool:
    field = _field(model, name)
    return field is not None and field.name == OWNER_FIELD


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
    """Events of `obj` and of rows pointing at it (such as its determinations), oldest first;
    the notes on it always among them."""
    tracked = (*tracked, CaseNote)
    order = {m._meta.label: i for i, m in enumerate(tracked)}
    # Events of one transaction share a timestamp: then the record itself comes first.
    events = sorted(
        Events.objects.references(obj),
        key=lambda e: (e.pgh_created_at, order.get(e.pgh_obj_model, len(order)), e.pgh_id),
    )
    user_ids = {e.pgh_context.get("user") for e in events if e.pgh_context}
    users = {u.pk: u.display_name for u in User.objects.filter(pk__in=user_ids - {None})}
    models_by_label = {m._meta.label: m for m in tracked}
    readable = []
    for event in events:
        model = models_by_label.get(event.pgh_obj_model)
        if model is None:
            continue
        noun = capfirst(model._meta.verbose_name)
        if model is CaseNote:
            what = NOTE_ADDED_LABEL
            source = {k: [None, v] for k, v in event.pgh_data.items() if k in NOTE_SHOWN_FIELDS}
        elif event.pgh_label == "insert":
            what, source = f"{noun} recorded", {k: [None, v] for k, v in event.pgh_data.items()}
        elif event.pgh_label == "delete":
            what, source = f"{noun} removed", {k: [v, None] for k, v in event.pgh_data.items()}
        else:
            what, source = f"{noun} changed", event.pgh_diff or {}
        pairs = [
            (name, old, new)
            for name, (old, new) in source.items()
            if _shown(model, name, obj)
            and (old not in (None, "", []) or new not in (None, "", []))
        ]
        readable.append((event, model, what, pairs))
    related = _related_names(
        [
            (model, name, value)
            for _, model, _, pairs in readable
            for name, *values in pairs
            for value in values
        ]
    )
    entries = []
    for event, model, what, pairs in readable:
        if event.pgh_label == "update" and not pairs:
            continue
        owner_pairs = [p for p in pairs if _is_owner(model, p[0])]
        if owner_pairs and event.pgh_label == "update":
            new_owner = owner_pairs[0][2]
            what = (
                f"Owner changed to {_display(model, owner_pairs[0][0], new_owner, related)}"
                if new_owner not in (None, "")
                else f"Owner changed to {UNALLOCATED_LABEL.lower()}"
            )
            pairs = [p for p in pairs if not _is_owner(model, p[0])]
        changes = [
            Change(
                _label(model, name),
                _display(model, name, old, related),
                _display(model, name, new, related),
            )
            for name, old, new in pairs
        ]
        who = users.get((event.pgh_context or {}).get("user"), "System")
        entries.append(HistoryEntry(at=event.pgh_created_at, who=who, what=what, changes=changes))
    return entries
