"""Investigations over the REST API (staff only), with their people and outcomes nested.

An investigation and its people are written together or not at all; an update must carry the
version read (409 if stale). Serializers are in cases.investigation_serializers.
"""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
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
from oversight.core.api_views import CaseRecordViewSet, record_schema


def _subject_inputs(incoming, people) -> list:
    """The people of a validated write, as the services take them."""
    subject_field = incoming.fields["subjects"].child
    return [subject_field.to_input(dict(person)) for person in people]


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


@record_schema(
    list="List investigations",
    retrieve="Read an investigation with its people and outcomes",
    create="Open an investigation from a referral decided as independent or directed",
    update="Edit an investigation, its people, or its status",
    partial_update="Edit part of an investigation, or move it on (complete it with completed_on)",
    examples={
        "create": ("Open with one person", EXAMPLE_CREATE),
        "partial_update": ("Complete", EXAMPLE_COMPLETE),
    },
)
class InvestigationViewSet(CaseRecordViewSet):
    serializer_class = InvestigationSerializer
    create_serializer_class = InvestigationWriteSerializer
    update_serializer_class = InvestigationUpdateSerializer
    filterset_class = InvestigationFilter
    ordering_fields = ["started_on", "completed_on", "reference", "updated_at"]
    workflow_steps = {
        "transition": ("status", "status_changed_on", "completed_on", "pause_reason", "note")
    }

    def get_queryset(self):
        return selectors.investigation_list_with_people(user=self.request.user)

    def create_record(self, incoming):
        data = dict(incoming.validated_data)
        subjects = _subject_inputs(incoming, data.pop("subjects", []))
        data.setdefault("first_aware_on", services.KEEP)
        return services.investigation_open(
            actor=self.request.user, today=self.today, subjects=subjects, **data
        )

    def revise(self, investigation, *, incoming, version, changes, steps):
        transition = steps.get("transition", {})
        for name in ("status", "pause_reason", "note"):
            transition[name] = transition.get(name) or ""
        transition.setdefault("completed_on", services.KEEP)
        subjects = None
        if "subjects" in changes:
            subjects = _subject_inputs(incoming, changes.pop("subjects"))
        services.investigation_revise(
            actor=self.request.user,
            investigation=investigation,
            version=version,
            today=self.today,
            changes=changes,
            subjects=subjects,
            **transition,
        )

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
        today = self.today
        notice = services.investigation_notice_record(
            actor=request.user,
            investigation=investigation,
            version=data.pop("version", None),
            actioned_on=data.pop("actioned_on", today),
            today=today,
            **data,
        )
        return Response(NoticeSerializer(notice).data, status=status.HTTP_201_CREATED)
