"""What the case apps' API viewsets share: records looked up by reference, reads logged,
writes checked against the version the client read, and the stored record sent back."""

from rest_framework import serializers, status
from rest_framework.response import Response

from oversight.core.services import view_log_record

VERSION_REQUIRED = {"version": ["This field is required."]}


class CaseRecordMixin:
    """Mixed into a GenericViewSet whose get_serializer() gives the read representation."""

    lookup_field = "reference"

    def retrieve(self, request, *args, **kwargs):
        record = self.get_object()
        view_log_record(user=request.user, record=record, via_api=True)
        return Response(self.get_serializer(record).data)

    def stored(self, record, *, status_code: int = status.HTTP_200_OK) -> Response:
        """The record as stored after a write, read through the list queryset's joins."""
        fresh = self.get_queryset().get(pk=record.pk)
        return Response(self.get_serializer(fresh).data, status=status_code)

    def versioned_input(self, serializer_class, *, partial: bool, **kwargs):
        """Validate a write: the fields the client sent (every field for PUT) and the version
        it read, which the service compares to refuse a stale save with 409."""
        incoming = serializer_class(data=self.request.data, partial=partial, **kwargs)
        incoming.is_valid(raise_exception=True)
        data = {
            name: value
            for name, value in incoming.validated_data.items()
            if name in self.request.data or not partial
        }
        if "version" not in data:
            raise serializers.ValidationError(VERSION_REQUIRED)
        return incoming, data.pop("version"), data
