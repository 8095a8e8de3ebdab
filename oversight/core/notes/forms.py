"""The form of "Add a note"."""

from oversight.core.forms import GovukForm, text_area
from oversight.core.notes.models import NOTE_MAX_LENGTH
from oversight.core.notes.services import NOTE_REQUIRED


class NoteForm(GovukForm):
    text = text_area(
        "Note",
        rows=6,
        max_length=NOTE_MAX_LENGTH,
        error=NOTE_REQUIRED,
        help_text="For the casework staff only: never shown to the force. A note cannot be "
        "changed once added.",
    )
