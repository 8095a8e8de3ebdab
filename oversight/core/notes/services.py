"""The one write of case notes: adding one (notes are never edited or deleted)."""

import datetime as dt

from django.core.exceptions import ValidationError

from oversight.core.models import CaseRecord, User
from oversight.core.notes.models import NOTE_MAX_LENGTH, RECORD_FIELDS, CaseNote
from oversight.core.writes import attributed

# Messages (tests assert on them).
NOTE_REQUIRED = "Enter the note."
NOTE_TOO_LONG = f"A note must be {NOTE_MAX_LENGTH} characters or fewer."
NOTE_STAFF_ONLY = "Only casework staff can add a note."
NOTE_ADDED = "Note added to {reference}."


def note_add(*, actor: User, record: CaseRecord, text: str, today: dt.date) -> CaseNote:
    """Add an internal note to a case record: its text trimmed, required and at most
    NOTE_MAX_LENGTH characters, by a member of the casework staff, attributed so that the
    record's history shows it. A note does not change the record (its version stays, so
    nobody's open form goes stale); `today` is taken as every service takes it, and the note
    is stamped with the moment it is saved."""
    if not actor.is_casework_staff:
        raise ValidationError(NOTE_STAFF_ONLY)
    field = record._meta.model_name
    if field not in RECORD_FIELDS:
        raise ValueError(f"{type(record).__name__} does not take notes")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": NOTE_REQUIRED})
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError({"text": NOTE_TOO_LONG})
    with attributed(actor):
        return CaseNote.objects.create(**{field: record}, text=text, author=actor)
