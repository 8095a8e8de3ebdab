"""GET /api/v1/work/ (staff): the duties on the signed-in user's cases, soonest first; a
manager may ask for anyone's (`owner`) or for the unallocated queue (`unallocated=true`)."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from oversight.core.permissions import IsCaseworkStaff
from oversight.core.selectors import casework_staff_for_choice
from oversight.work import rules, selectors

OWNER_UNKNOWN = "No member of the casework staff has the username “{value}”."
ONE_OR_THE_OTHER = "Ask for one owner's work or for the unallocated queue, not both."


class WorkQuery(serializers.Serializer):
    owner = serializers.CharField(required=False, help_text="A username (managers).")
    unallocated = serializers.BooleanField(
        required=False, default=False, help_text="true: the unallocated queue (managers)."
    )

    def validate_owner(self, value):
        owner = casework_staff_for_choice(active_only=False).filter(username=value).first()
        if owner is None:
            raise serializers.ValidationError(OWNER_UNKNOWN.format(value=value))
        return owner

    def validate(self, attrs):
        if attrs.get("owner") is not None and attrs["unallocated"]:
            raise serializers.ValidationError({"unallocated": ONE_OR_THE_OTHER})
        return attrs


class WorkItemSerializer(serializers.Serializer):
    reference = serializers.CharField()
    kind = serializers.ChoiceField(choices=rules.CASE_KINDS)
    duty = serializers.ChoiceField(choices=sorted(rules.DUTIES))
    due_on = serializers.DateField()
    overdue = serializers.BooleanField()
    summary = serializers.CharField()


class WorkListSerializer(serializers.Serializer):
    """The answer of GET /api/v1/work/: the counts, then every duty."""

    count = serializers.IntegerField()
    overdue = serializers.IntegerField()
    due_this_week = serializers.IntegerField()
    results = WorkItemSerializer(many=True)


class WorkView(APIView):
    permission_classes = [IsCaseworkStaff]

    @extend_schema(
        summary="Your work: the duties on your cases (staff)",
        parameters=[
            OpenApiParameter("owner", str, description="A username: that person's work."),
            OpenApiParameter("unallocated", bool, description="true: the unallocated queue."),
        ],
        responses={200: WorkListSerializer},
        examples=[
            OpenApiExample(
                "One duty",
                value={
                    "count": 1,
                    "overdue": 0,
                    "due_this_week": 1,
                    "results": [
                        {
                            "reference": "REF-2024-000123",
                            "kind": "referral",
                            "duty": "mode_decision",
                            "due_on": "2024-06-06",
                            "overdue": False,
                            "summary": "Decide the mode of investigation (Kent Police)",
                        }
                    ],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request):
        query = WorkQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        today = timezone.localdate()
        items = selectors.work_for(
            viewer=request.user,
            today=today,
            owner=query.validated_data.get("owner"),
            unallocated=query.validated_data["unallocated"],
        )
        return Response(
            {
                **selectors.work_counts(items, today=today),
                "results": WorkItemSerializer(items, many=True).data,
            }
        )
