"""Referrals over the REST API (staff only). Serializers shape input; services apply the rules."""

from cases.referrals import selectors, services
from cases.referrals.filters import ReferralFilter
from cases.referrals.serializers import (
    ReferralSerializer,
    ReferralUpdateSerializer,
    ReferralWriteSerializer,
)
from oversight.core.api_views import CaseRecordViewSet, record_schema


@record_schema(
    list="List referrals",
    retrieve="Read a referral",
    create="Log a referral",
    update="Edit a referral",
    partial_update="Edit part of a referral, or record a new determination (mode and decided_on)",
    examples={
        "create": (
            "A mandatory DSI referral",
            {
                "organisation": "hertfordshire-constabulary",
                "received_on": "2024-05-02",
                "matter_type": "dsi",
                "referral_type": "mandatory",
                "categories": ["death_or_serious_injury"],
                "summary": "Man found unresponsive in custody.",
            },
        )
    },
)
class ReferralViewSet(CaseRecordViewSet):
    serializer_class = ReferralSerializer
    create_serializer_class = ReferralWriteSerializer
    update_serializer_class = ReferralUpdateSerializer
    filterset_class = ReferralFilter
    ordering_fields = ["received_on", "decision_due_on", "decided_on", "reference", "updated_at"]
    workflow_steps = {
        "decision": ("mode", "decided_on", "reason", "why_not_local", "why_not_independent")
    }

    def get_queryset(self):
        return selectors.referral_list_with_determinations(user=self.request.user)

    def create_record(self, incoming):
        return services.referral_create(
            actor=self.request.user, today=self.today, **incoming.validated_data
        )

    def revise(self, referral, *, incoming, version, changes, steps):
        services.referral_revise(
            actor=self.request.user,
            referral=referral,
            version=version,
            today=self.today,
            changes=changes,
            **steps.get("decision", {}),
        )
