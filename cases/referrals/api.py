"""Referrals over the REST API (staff only). Serializers shape input; services apply the rules."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets

from cases.referrals import selectors, services
from cases.referrals.filters import ReferralFilter
from cases.referrals.serializers import (
    ReferralSerializer,
    ReferralUpdateSerializer,
    ReferralWriteSerializer,
)
from oversight.core.api_views import CaseRecordMixin
from oversight.core.permissions import IsCaseworkStaff


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
class ReferralViewSet(
    CaseRecordMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsCaseworkStaff]
    serializer_class = ReferralSerializer
    filterset_class = ReferralFilter
    ordering_fields = ["received_on", "decision_due_on", "decided_on", "reference", "updated_at"]

    def get_queryset(self):
        return selectors.referral_list_with_determinations(user=self.request.user)

    def create(self, request, *args, **kwargs):
        incoming = ReferralWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        referral = services.referral_create(
            actor=request.user, today=timezone.localdate(), **incoming.validated_data
        )
        return self.stored(referral, status_code=status.HTTP_201_CREATED)

    workflow_steps = {"decision": ("mode", "decided_on", "reason")}

    def update(self, request, *args, **kwargs):
        referral = self.get_object()
        partial = kwargs.pop("partial", False)
        _, version, data = self.versioned_input(ReferralUpdateSerializer, partial=partial)
        steps = self.steps_requested(referral, data, self.workflow_steps, partial=partial)
        services.referral_revise(
            actor=request.user,
            referral=referral,
            version=version,
            today=timezone.localdate(),
            changes=data,
            **steps.get("decision", {}),
        )
        return self.stored(referral)
