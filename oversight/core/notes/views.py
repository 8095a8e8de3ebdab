"""Add a note: one view that each app subclasses with the selector that finds its record.
The Notes section of a record's page is oversight.core.views.notes_context."""

from oversight.core.notes.forms import NoteForm
from oversight.core.notes.services import NOTE_ADDED, note_add
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import ServiceFormView


class RecordNoteView(PermissionRequiredMixin, ServiceFormView):
    """Add a note (casework staff; anyone else gets 404). A subclass gives `lookup`."""

    permission_required = "core.add_note"
    template_name = "oversight/note_form.html"
    form_class = NoteForm

    def get_initial(self):
        return {}

    def perform(self, form):
        note_add(
            actor=self.request.user,
            record=self.object,
            text=form.cleaned_data["text"],
            today=self.today,
        )
        return NOTE_ADDED.format(reference=self.object.reference)

    def get_success_url(self):
        return f"{self.object.get_absolute_url()}#notes"
