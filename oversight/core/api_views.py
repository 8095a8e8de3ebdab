"""What the case apps' API viewsets share: records looked up by reference, reads logged,
writes checked against the version the client read, split into the record's details and its
workflow steps, and the stored record sent back.

Every record's `owner` is written the same way: taken out of the validated input and given
to the shared record_assign service in the same transaction as the rest of the write, so a
refused owner change saves nothing.

The one convention for a write that can also move a record on (decide it, judge it, change
its status): the viewset names each workflow step's fields (`workflow_steps`), takes them
out of the validated input with `steps_requested`, and passes the details and the steps to
the app's `<entity>_revise` service, which applies them in one transaction, all or nothing.
"""

from collections.abc import Mapping, Sequence

from django.db import transaction
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from oversight.core.models import ViewLog
from oversight.core.notes.api import CaseNotesMixin
from oversight.core.permissions import IsCaseworkStaff
from oversight.core.services import record_assign, view_log_list, view_log_record
from oversight.core.views import TodayMixin

VERSION_REQUIRED = {"version": ["This field is required."]}
OWNER_NOTE = (
    "Send `owner` (a staff username, or null) to take the case (your own username, while it "
    "is unallocated) or, as a manager, to reassign it or make it unallocated; it may be sent "
    "alone with the `version`."
)


class ListReadLoggedMixin:
    """Each page of an API list of case records is logged as one read (DPA 2018 s.62): the
    filter (the query string) and the rows on the page, one insert whatever their number."""

    def get_paginated_response(self, data):
        view_log_list(
            user=self.request.user,
            model=self.get_queryset().model,
            query=self.request.query_params.urlencode(),
            row_count=len(data),
            kind=ViewLog.Kind.LIST,
            via_api=True,
        )
        return super().get_paginated_response(data)


class CaseRecordMixin(ListReadLoggedMixin):
    """Mixed into a GenericViewSet whose get_serializer() gives the read representation; its
    list pages are logged (ListReadLoggedMixin), as each read of a record is."""

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

    def steps_requested(
        self, record, data: dict, steps: Mapping[str, Sequence[str]], *, partial: bool
    ) -> dict[str, dict]:
        """Take each workflow step's fields out of a validated write, by step name.

        A PATCH asks for a step by sending any of its fields. A PUT carries the whole record
        as the client read it, with every step's fields (blank where never taken): there a
        step whose values are all blank, or all equal to the stored record's, is not asked
        for, so a step already taken is never taken again."""
        requested = {}
        for step, names in steps.items():
            values = {name: data.pop(name) for name in names if name in data}
            if not values:
                continue
            if not partial and (_all_blank(values) or _unchanged(record, values)):
                continue
            requested[step] = values
        return requested


class CaseRecordViewSet(
    TodayMixin,
    CaseRecordMixin,
    CaseNotesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """A kind of case record over the API, for casework staff: listed, read (each read
    logged), created from `create_serializer_class` by create_record(), and changed from
    `update_serializer_class` by revise(), with the workflow steps the request asks for; its
    internal notes at …/<reference>/notes/ (oversight.core.notes.api)."""

    permission_classes = [IsCaseworkStaff]
    create_serializer_class: type[serializers.Serializer]
    update_serializer_class: type[serializers.Serializer]
    workflow_steps: Mapping[str, Sequence[str]] = {}

    def create(self, request, *args, **kwargs):
        incoming = self.create_serializer_class(
            data=request.data, context=self.get_serializer_context()
        )
        incoming.is_valid(raise_exception=True)
        owner_given = "owner" in incoming.validated_data
        owner = incoming.validated_data.pop("owner", None)
        with transaction.atomic():
            record = self.create_record(incoming)
            if owner_given:
                record = record_assign(
                    actor=request.user, record=record, owner=owner, version=None
                )
        return self.stored(record, status_code=status.HTTP_201_CREATED)

    def create_record(self, incoming):
        """Call the service that creates the record from the validated input."""
        raise NotImplementedError

    def update(self, request, *args, **kwargs):
        record = self.get_object()
        partial = kwargs.pop("partial", False)
        incoming, version, changes = self.versioned_input(
            self.update_serializer_class, partial=partial, context=self.get_serializer_context()
        )
        owner_given = "owner" in changes
        owner = changes.pop("owner", None)
        steps = self.steps_requested(record, changes, self.workflow_steps, partial=partial)
        with transaction.atomic():
            if owner_given:
                record = record_assign(
                    actor=request.user, record=record, owner=owner, version=version
                )
                version = record.version
                if not (changes or steps):  # only the owner: nothing more to revise
                    return self.stored(record)
            self.revise(record, incoming=incoming, version=version, changes=changes, steps=steps)
        return self.stored(record)

    def revise(self, record, *, incoming, version: int, changes: dict, steps: dict) -> None:
        """Call the service that applies the details and the steps, all or nothing."""
        raise NotImplementedError


def record_schema(
    *,
    list: str,  # noqa: A002 (the action's name)
    retrieve: str,
    create: str,
    update: str,
    partial_update: str,
    partial_update_description: str = "",
    examples: dict[str, tuple[str, dict]] | None = None,
):
    """Document a CaseRecordViewSet: a summary per action, its own serializers as the request
    and response of each write, and a request example per action (title, value)."""

    def example(action: str) -> list:
        if action not in (examples or {}):
            return []
        title, value = examples[action]
        return [OpenApiExample(title, value=value, request_only=True)]

    def decorate(viewset):
        read = viewset.serializer_class
        change = viewset.update_serializer_class
        return extend_schema_view(
            list=extend_schema(summary=list),
            retrieve=extend_schema(summary=retrieve),
            create=extend_schema(
                summary=create,
                request=viewset.create_serializer_class,
                responses={201: read},
                examples=example("create"),
            ),
            update=extend_schema(
                summary=update, request=change, responses=read, examples=example("update")
            ),
            partial_update=extend_schema(
                summary=partial_update,
                description=" ".join(filter(None, [partial_update_description, OWNER_NOTE])),
                request=change,
                responses=read,
                examples=example("partial_update"),
            ),
        )(viewset)

    return decorate


def _normal(value):
    """Blank values (None, "", []) alike, and lists in any order alike."""
    if isinstance(value, list | tuple):
        return sorted(value) or None
    return None if value in (None, "") else value


def _all_blank(values: dict) -> bool:
    return all(_normal(value) is None for value in values.values())


def _unchanged(record, values: dict) -> bool:
    """Whether every value is what the record already holds (a field it lacks holds blank)."""
    return all(
        _normal(getattr(record, name, None)) == _normal(value) for name, value in values.items()
    )
