"""The notes of a case record over the API: GET and POST …/<reference>/notes/, staff only
(anyone else signed in gets 404), on every CaseRecordViewSet."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from oversight.core.notes.models import NOTE_MAX_LENGTH, CaseNote
from oversight.core.notes.selectors import notes_of
from oversight.core.notes.services import NOTE_REQUIRED, note_add
from oversight.core.permissions import IsCaseworkStaff


class NoteSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = CaseNote
        fields = ["id", "text", "author", "created_at"]
        read_only_fields = fields


class NoteWriteSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=NOTE_MAX_LENGTH,
        error_messages={"blank": NOTE_REQUIRED, "required": NOTE_REQUIRED},
    )


NOTES_DESCRIPTION = (
    "Internal notes on the case, newest first: for casework staff only (anyone else gets "
    "404). A note is attributed to the signed-in user and appears in the record's history; "
    "notes are never edited or deleted."
)
NOT_FOUND = OpenApiResponse(
    OpenApiTypes.OBJECT, description="No such record, or you are not on the casework staff."
)


class CaseNotesMixin:
    """The `notes` action of a case record's viewset (mixed into CaseRecordViewSet)."""

    @extend_schema(
        methods=["GET"],
        summary="List the notes on the record (staff)",
        description=NOTES_DESCRIPTION,
        request=None,
        responses={200: NoteSerializer(many=True), 404: NOT_FOUND},
    )
    @extend_schema(
        methods=["POST"],
        summary="Add a note to the record (staff)",
        description=NOTES_DESCRIPTION,
        request=NoteWriteSerializer,
        responses={
            201: NoteSerializer,
            400: OpenApiResponse(
                OpenApiTypes.OBJECT, description="{text: [message]}: nothing written."
            ),
            404: NOT_FOUND,
        },
        examples=[
            OpenApiExample(
                "A note",
                value={"text": "Spoke to the force's PSD: the CCTV has been preserved."},
                request_only=True,
            )
        ],
    )
    @action(
        detail=True,
        methods=["get", "post"],
        permission_classes=[IsCaseworkStaff],
        pagination_class=None,
        filter_backends=[],
    )
    def notes(self, request, reference=None):
        record = self.get_object()
        if request.method == "GET":
            return Response(NoteSerializer(notes_of(record=record), many=True).data)
        incoming = NoteWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        note = note_add(
            actor=request.user,
            record=record,
            text=incoming.validated_data["text"],
            today=self.today,
        )
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)
