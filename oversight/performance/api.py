"""GET /api/v1/timeliness/: the stored figures of a financial year, in total or for one force."""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from oversight.core.calendar import FinancialYearError, parse_financial_year
from oversight.core.models import Organisation
from oversight.core.permissions import IsCaseworkStaff
from oversight.performance import selectors

EXAMPLE = {
    "financial_year": "2019-20",
    "organisation": None,
    "computed_at": "2026-11-23T02:00:04Z",
    "as_of": "2026-11-23",
    "referrals": {
        "received": 4400,
        "decided": 4380,
        "decided_within_target": 3600,
        "decided_within_target_rate": 82.2,
    },
    "investigations": {
        "completed": 718,
        "within_6_months": 251,
        "within_12_months": 596,
        "within_6_months_rate": 35.0,
        "within_12_months_rate": 83.0,
    },
    "independent_investigations": {
        "completed": 560,
        "within_6_months": 190,
        "within_12_months": 462,
        "within_6_months_rate": 33.9,
        "within_12_months_rate": 82.5,
    },
}


class TimelinessQuery(serializers.Serializer):
    financial_year = serializers.CharField(help_text="Written like 2019-20.")
    organisation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Organisation.objects.all(),
        required=False,
        error_messages={"does_not_exist": "No organisation has the code “{value}”."},
    )

    def validate_financial_year(self, value):
        try:
            parse_financial_year(value)
        except FinancialYearError as error:
            raise serializers.ValidationError(str(error)) from None
        return value


class TimelinessView(APIView):
    permission_classes = [IsCaseworkStaff]

    @extend_schema(
        summary="Timeliness figures of a financial year",
        parameters=[
            OpenApiParameter("financial_year", str, required=True, description="e.g. 2019-20"),
            OpenApiParameter("organisation", str, description="An organisation code"),
        ],
        responses={200: dict},
        examples=[OpenApiExample("All forces, 2019-20", value=EXAMPLE, response_only=True)],
    )
    def get(self, request):
        query = TimelinessQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        organisation = query.validated_data.get("organisation")
        snapshot = selectors.snapshot_get(
            financial_year=query.validated_data["financial_year"], organisation=organisation
        )
        return Response(
            {
                "financial_year": snapshot.financial_year,
                "organisation": organisation.code if organisation else None,
                "computed_at": snapshot.computed_at,
                "as_of": snapshot.as_of,
                **snapshot.figures,
            }
        )
