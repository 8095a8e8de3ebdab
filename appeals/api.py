"""Applications over the REST API (staff only). Serializers shape input; services decide."""

from appeals import selectors, services
from appeals.filters import ApplicationFilter
from appeals.serializers import (
    ApplicationSerializer,
    ApplicationUpdateSerializer,
    ApplicationWriteSerializer,
)
from oversight.core.api_views import CaseRecordViewSet, record_schema


@record_schema(
    list="List appeals and reviews",
    retrieve="Read an appeal or review",
    create="Record an application for an appeal or a review",
    update="Edit an application",
    partial_update="Edit part of an application, forward it, judge its validity or decide it",
    partial_update_description=(
        "Send `forwarded_to` (the organisation code of the force's local policing body; for "
        "an appeal before 2020, the force) and `forwarded_on` to record it as forwarded; "
        "`first_received_by` and `first_received_on` when it was first made to another body "
        "and forwarded here (the time limit counts to that day); `is_valid` "
        "(with `invalid_reason`, or `special_circumstances` if late) to judge validity; "
        "`result` and `decided_on` (with `follow_up` when upheld) to decide. A valid "
        "application is decided once. Every request carries the `version` you read."
    ),
    examples={
        "create": (
            "A review of a complaint handled otherwise than by investigation",
            {
                "organisation": "hertfordshire-constabulary",
                "force_reference": "CO/123/24",
                "complaint_made_on": "2024-01-15",
                "outcome_notified_on": "2024-05-10",
                "received_on": "2024-06-03",
                "applicant": "complainant",
                "subject": "non_investigation_handling",
                "referred_or_should_have_been": True,
                "owner": "casey.worker",
            },
        ),
        "partial_update": (
            "Judge valid and decide a review: not reasonable and proportionate",
            {
                "version": 1,
                "is_valid": True,
                "judged_on": "2024-06-04",
                "result": "upheld",
                "decided_on": "2024-07-01",
                "follow_up": ["reinvestigation"],
            },
        ),
    },
)
class ApplicationViewSet(CaseRecordViewSet):
    serializer_class = ApplicationSerializer
    create_serializer_class = ApplicationWriteSerializer
    update_serializer_class = ApplicationUpdateSerializer
    filterset_class = ApplicationFilter
    ordering_fields = ["received_on", "decided_on", "reference", "updated_at"]
    workflow_steps = {
        "forward": ("forwarded_to", "forwarded_on"),
        "judgement": (
            "is_valid",
            "invalid_reason",
            "special_circumstances",
            "validity_notes",
            "judged_on",
        ),
        "decision": ("decided_on", "result", "follow_up", "decision_reasons"),
    }

    def get_queryset(self):
        return selectors.application_list(user=self.request.user)

    def create_record(self, incoming):
        return services.application_create(
            actor=self.request.user, today=self.today, **incoming.validated_data
        )

    def revise(self, application, *, incoming, version, changes, steps):
        services.application_revise(
            actor=self.request.user,
            application=application,
            version=version,
            today=self.today,
            changes=changes,
            **steps,
        )
