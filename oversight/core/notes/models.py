"""A case note: what a caseworker writes down about a case, for the staff only.

One model for the four kinds of case record. A note points at exactly one of a referral, an
investigation, an application or a recommendation through a nullable foreign key of its own
(the check constraint `case_note_on_one_record` holds it to exactly one): real foreign keys,
so that the database keeps every note tied to a record that exists, a record with notes cannot
be deleted from under them (PROTECT), and pghistory finds a note's events among the record's
own (oversight.core.history). The four records are named by app label, never imported, so
the ground still imports nothing of the apps above it.

A note is never edited or deleted: the notes are part of the audit trail, so a correction is
a further note. There is no service, page or endpoint that changes one, and a trigger
(`case_note_append_only`) refuses an UPDATE or DELETE in the database itself.
"""

import pghistory
import pgtrigger
from django.db import models
from django.db.models import Q

from oversight.core.models import staff_user_field

NOTE_MAX_LENGTH = 5000

# The record a note may be on: its foreign key's name is the record's model name.
RECORD_FIELDS = ("referral", "investigation", "application", "recommendation")


def _record_field(to: str) -> models.ForeignKey:
    return models.ForeignKey(
        to, on_delete=models.PROTECT, null=True, blank=True, related_name="case_notes"
    )


def _exactly_one_record() -> Q:
    options = [
        Q(**{f"{name}__isnull": name != chosen for name in RECORD_FIELDS})
        for chosen in RECORD_FIELDS
    ]
    condition = options[0]
    for option in options[1:]:
        condition |= option
    return condition


@pghistory.track(pghistory.InsertEvent())
class CaseNote(models.Model):
    """An internal note on one case record, by a member of the casework staff; never shown
    to a force liaison, never edited or deleted."""

    referral = _record_field("cases.Referral")
    investigation = _record_field("cases.Investigation")
    application = _record_field("appeals.Application")
    recommendation = _record_field("learning.Recommendation")
    text = models.TextField(max_length=NOTE_MAX_LENGTH)
    author = staff_user_field("author")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "oversight"
        constraints = [
            models.CheckConstraint(
                name="case_note_on_one_record",
                condition=_exactly_one_record(),
                violation_error_message="A note is on exactly one case record.",
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="case_note_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]
        indexes = [
            models.Index(fields=[name, "-created_at"], name=f"case_note_{name}_idx")
            for name in RECORD_FIELDS
        ]

    def __str__(self) -> str:
        return f"Note by {self.author_id} at {self.created_at:%Y-%m-%d %H:%M}"
