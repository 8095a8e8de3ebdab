"""Referrals over the REST API (staff only). Serializers shape input; services apply the rules."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets

from cases import selectors, services
from cases.filters import ReferralFilter
from cases.models import Category, Determination, MatterType, Mode, Referral, ReferralType
from oversight.core.api_views import CaseRecordMixin
from oversight.core.models import Organisation
from oversight.core.permissions import IsCaseworkStaff

FORCES = Organisation.objects.exclude(kind=Organisation.Kind.NATIONAL_BODY)
DECIDED_ON_HELP = (
    "On reading: the date of the first determination, which counts for the 3-working-day "
    "target. On writing (with mode): the date of this determination."
)


class DeterminationSerializer(serializers.ModelSerializer):
    decided_by = serializers.CharField(source="decided_by.username", read_only=True)

    class Meta:
        model = Determination
        fields = ["mode", "decided_on", "reason", "decided_by", "recorded_at"]
        read_only_fields = fields


class ReferralSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    decided_on = serializers.DateField(read_only=True, help_text=DECIDED_ON_HELP)
    decided_within_target = serializers.BooleanField(read_only=True, allow_null=True)
    determinations = DeterminationSerializer(many=True, read_only=True)

    class Meta:
        model = Referral
        fields = [
            "reference",
            "organisation",
            "received_on",
            "matter_type",
            "referral_type",
            "categories",
            "summary",
            "force_reference",
            "first_aware_on",
            "status",
            "mode",
            "decided_on",
            "decision_due_on",
            "decided_within_target",
            "determinations",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ReferralWriteSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=FORCES,
        error_messages={"does_not_exist": "No force has the code “{value}”."},
    )
    received_on = serializers.DateField()
    matter_type = serializers.ChoiceField(choices=MatterType.choices)
    referral_type = serializers.ChoiceField(choices=ReferralType.choices)
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=Category.choices), required=False, default=list
    )
    summary = serializers.CharField(max_length=10000)
    force_reference = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    first_aware_on = serializers.DateField(required=False, allow_null=True, default=None)
    mode = serializers.ChoiceField(
        choices=Mode.choices, required=False, allow_blank=True, default=""
    )
    decided_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=DECIDED_ON_HELP
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ReferralUpdateSerializer(ReferralWriteSerializer):
    version = serializers.IntegerField(
        help_text="The version you read; the update is refused with 409 if it has changed since."
    )


DECISION_FIELDS = ("mode", "decided_on", "reason")


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

    def update(self, request, *args, **kwargs):
        referral = self.get_object()
        _, version, data = self.versioned_input(
            ReferralUpdateSerializer, partial=kwargs.pop("partial", False)
        )
        decision = {k: data.pop(k) for k in DECISION_FIELDS if k in data}
        services.referral_revise(
            actor=request.user,
            referral=referral,
            version=version,
            today=timezone.localdate(),
            changes=data,
            **decision,
        )
        return self.stored(referral)
