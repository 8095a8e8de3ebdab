"""Referrals over the REST API (staff only). Serializers shape input; services apply the rules."""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from cases.referrals import selectors, services
from cases.referrals.filters import ReferralFilter
from cases.referrals.serializers import (
    ReferralSerializer,
    ReferralUpdateSerializer,
    ReferralWriteSerializer,
)
from oversight.core.api_views import CaseRecordViewSet


@extend_schema_view(
    list=extend_schema(summary="List referrals"),
    retrieve=extend_schema(summary="Read a referral"),
    create=extend_schema(
        summary="Log a referral",
        request=ReferralWriteSerializer,
        responses={201: ReferralSerializer},
        examples=[
            OpenApiExample(
                "A mandatory DSI referral",
                value={
                    "organisation": "hertfordshire-constabulary",
                    "received_on": "2024-05-02",
                    "matter_type": "dsi",
                    "referral_type": "mandatory",
                    "categories": ["death_or_serious_injury"],
                    "summary": "Man found unresponsive in custody.",
                },
                request_only=True,
            )
        ],
    ),
    update=extend_schema(
        summary="Edit a referral", request=ReferralUpdateSerializer, responses=ReferralSerializer
    ),
    partial_update=extend_schema(
        summary="Edit part of a referral, or record a new determination (mode and decided_on)",
        request=ReferralUpdateSerializer,
        responses=ReferralSerializer,
    ),
)
class ReferralViewSet(CaseRecordViewSet):
    serializer_class = ReferralSerializer
    create_serializer_class = ReferralWriteSerializer
    update_serializer_class = ReferralUpdateSerializer
    filterset_class = ReferralFilter
    ordering_fields = ["received_on", "decision_due_on", "decided_on", "reference", "updated_at"]
    workflow_steps = {"decision": ("mode", "decided_on", "reason")}

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
