"""Investigations over the REST API (staff only), with their people and outcomes nested.

An investigation and its people are written together or not at all; an update must carry the
version read (409 if stale). Serializers are in cases.investigation_serializers.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cases.investigations import selectors, services
from cases.investigations.filters import InvestigationFilter
from cases.investigations.serializers import (
    InvestigationSerializer,
    InvestigationUpdateSerializer,
    InvestigationWriteSerializer,
    NoticeSerializer,
    NoticeWriteSerializer,
)
from oversight.core.api_views import CaseRecordMixin
from oversight.core.permissions import IsCaseworkStaff

EXAMPLE_CREATE = {
    "referral": "REF-2024-000123",
    "started_on": "2024-05-07",
    "lead_investigator": "casey",
    "themes": ["mental_health", "use_of_taser"],
    "is_major": False,
    "first_aware_on": "2024-04-30",
    "subjects": [
        {
            "name": "Alex Smith",
            "rank": "Police constable",
            "collar_number": "PC 1234",
            "allegations": [{"description": "Used a Taser on a man in mental health crisis."}],
        }
    ],
}
EXAMPLE_COMPLETE = {
    "version": 4,
    "status": "completed",
    "completed_on": "2024-10-31",
}


@extend_schema_view(
    list=extend_schema(summary="List investigations"),
    retrieve=extend_schema(summary="Read an investigation with its people and outcomes"),
    create=extend_schema(
        summary="Open an investigation from a referral decided as independent or directed",
        request=InvestigationWriteSerializer,
        responses={201: InvestigationSerializer},
        examples=[OpenApiExample("Open with one person", value=EXAMPLE_CREATE, request_only=True)],
    ),
    update=extend_schema(
        summary="Edit an investigation, its people, or its status",
        request=InvestigationUpdateSerializer,
        responses=InvestigationSerializer,
    ),
    partial_update=extend_schema(
        summary="Edit part of an investigation, or move it on (complete it with completed_on)",
        request=InvestigationUpdateSerializer,
        responses=InvestigationSerializer,
        examples=[OpenApiExample("Complete", value=EXAMPLE_COMPLETE, request_only=True)],
    ),
)
class InvestigationViewSet(
    CaseRecordMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsCaseworkStaff]
    serializer_class = InvestigationSerializer
    filterset_class = InvestigationFilter
    ordering_fields = ["started_on", "completed_on", "reference", "updated_at"]

    def get_queryset(self):
        return selectors.investigation_list_with_people(user=self.request.user)

    def create(self, request, *args, **kwargs):
        incoming = InvestigationWriteSerializer(data=request.data, context={"request": request})
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        subject_field = incoming.fields["subjects"].child
        subjects = [subject_field.to_input(dict(s)) for s in data.pop("subjects", [])]
        if "first_aware_on" not in data:
            data["first_aware_on"] = services.KEEP
        investigation = services.investigation_open(
            actor=request.user,
            today=timezone.localdate(),
            subjects=subjects,
            **data,
        )
        return self.stored(investigation, status_code=status.HTTP_201_CREATED)

    workflow_steps = {
        "transition": ("status", "status_changed_on", "completed_on", "pause_reason", "note")
    }

    def update(self, request, *args, **kwargs):
        investigation = self.get_object()
        partial = kwargs.pop("partial", False)
        incoming, version, data = self.versioned_input(
            InvestigationUpdateSerializer, partial=partial, context={"request": request}
        )
        steps = self.steps_requested(investigation, data, self.workflow_steps, partial=partial)
        transition = steps.get("transition", {})
        for name in ("status", "pause_reason", "note"):
            transition[name] = transition.get(name) or ""
        transition.setdefault("completed_on", services.KEEP)
        subjects = None
        if "subjects" in data:
            subject_field = incoming.fields["subjects"].child
            subjects = [subject_field.to_input(dict(s)) for s in data.pop("subjects")]
        services.investigation_revise(
            actor=request.user,
            investigation=investigation,
            version=version,
            today=timezone.localdate(),
            changes=data,
            subjects=subjects,
            **transition,
        )
        return self.stored(investigation)

    @extend_schema(
        summary="Record a statutory notice to the local policing body as given or withheld",
        request=NoticeWriteSerializer,
        responses={201: NoticeSerializer},
        examples=[
            OpenApiExample(
                "Given",
                value={"due_on": "2025-04-30", "action": "given", "actioned_on": "2025-05-02"},
                request_only=True,
            )
        ],
    )
    @action(detail=True, methods=["post"])
    def notices(self, request, reference=None):
        investigation = self.get_object()
        incoming = NoticeWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        today = timezone.localdate()
        notice = services.investigation_notice_record(
            actor=request.user,
            investigation=investigation,
            version=data.pop("version", None),
            actioned_on=data.pop("actioned_on", today),
            today=today,
            **data,
        )
        return Response(NoticeSerializer(notice).data, status=status.HTTP_201_CREATED)
