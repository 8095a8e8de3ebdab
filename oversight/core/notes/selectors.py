"""The one read of case notes."""

from django.db.models import QuerySet

from oversight.core.models import CaseRecord
from oversight.core.notes.models import CaseNote


def notes_of(*, record: CaseRecord) -> QuerySet[CaseNote]:
    """The notes on a case record, newest first, with their authors (one query). Callers
    have already found the record for a member of the casework staff: liaisons get none."""
    return (
        CaseNote.objects.filter(**{record._meta.model_name: record})
        .select_related("author")
        .order_by("-created_at", "-id")
    )
