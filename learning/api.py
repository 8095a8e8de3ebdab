"""Recommendations over the REST API.

Staff draft, issue and read every recommendation. A force liaison reads only the issued
recommendations addressed to their organisation and submits its response; anything else
is 404 (another organisation's, a draft, or a staff-only action such as drafting or issuing).
The public feed is read-only and anonymous, and shows only issued recommendations and
published responses.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser

from learning import selectors, services
from learning.filters import PublicRecommendationFilter, RecommendationFilter
from learning.models import ReceivedVia, Recommendation
from learning.serializers import (
    DETAIL_ONLY_FIELDS,
    IssueSerializer,
    LiaisonRecommendationSerializer,
    PublicRecommendationSerializer,
    RecommendationCreateSerializer,
    RecommendationSchemaSerializer,
    RecommendationSummarySchemaSerializer,
    RecommendationUpdateSerializer,
    ResponseWriteSerializer,
    StaffRecommendationSerializer,
    recommendation_summary,
)
from learning.throttles import PerTokenRateThrottle
from oversight.core.api_pagination import KeysetPagination
from oversight.core.api_views import OWNER_NOTE, CaseRecordViewSet
from oversight.core.filters import FilterBackend
from oversight.core.permissions import (
    IsCaseworkStaff,
    IsLiaison,
    IsStaffOrLiaison,
    is_force_liaison,
)
from oversight.core.throttles import AnonRateThrottle, UserRateThrottle

NOT_JSON = "The request body must be JSON (Content-Type: application/json)."

BAD_INPUT = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Bad input, nothing written: {field: [message, …]} or "
    "{non_field_errors: [message, …]}.",
)
CONFLICT = OpenApiResponse(
    OpenApiTypes.OBJECT, description="Someone else changed the draft since you read it."
)
FORBIDDEN = OpenApiResponse(OpenApiTypes.OBJECT, description="{detail: message}: not allowed.")
NOT_FOUND = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="No such recommendation, or not one you may see (a liaison sees only issued "
    "recommendations to their own organisation).",
)


class JSONBodyParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except exceptions.ParseError as error:
            raise exceptions.ParseError(f"{NOT_JSON} {error.detail}") from None


class JSONOnlyNegotiation(DefaultContentNegotiation):
    """Parse every body as JSON, so that a form-encoded or plain body is a clear 400
    rather than being accepted or answered 415."""

    def select_parser(self, request, parsers):
        return super().select_parser(request, parsers) or parsers[0]


# What a staff change to a recommendation (editing or issuing a draft) may answer.
STAFF_CHANGE_RESPONSES = {
    200: RecommendationSchemaSerializer,
    400: BAD_INPUT,
    403: FORBIDDEN,
    404: NOT_FOUND,
    409: CONFLICT,
}

RECOMMENDATION_EXAMPLE = {
    "reference": "REC-2024-000123",
    "recipient": "hertfordshire-constabulary",
    "recipient_name": "Hertfordshire Constabulary",
    "source": "INV-2024-000045",
    "kind": "learning",
    "theme": "Near misses in custody",
    "theme_code": "near_misses_in_custody",
    "type": "training",
    "text": "The force should ensure custody officers are trained to carry out rousing checks.",
    "is_statutory": True,
    "status": "issued",
    "issued_on": "2024-06-03",
    "response_due_on": "2024-07-28",
    "is_overdue": False,
    "can_respond": True,
    "responded_on": None,
    "response": "",
    "response_final": None,
    "planned_actions": [],
    "responses": [],
    "extensions": [],
    "implemented_on": None,
    "implementation_evidence": "",
    "updated_at": "2024-06-03T10:15:00Z",
}
SUMMARY_EXAMPLE = {
    name: value for name, value in RECOMMENDATION_EXAMPLE.items() if name not in DETAIL_ONLY_FIELDS
}
LIST_DESCRIPTION = (
    "Staff see every recommendation, drafts included. A force liaison sees only the issued "
    "recommendations addressed to their organisation; the fields marked “staff only” are "
    "absent for them. Pages are ordered stably (newest issued first, then the most recently "
    "recorded first), by cursor: follow `next` until it is null. Use updated_since for "
    "incremental sync. Each item is a summary: the "
    "responses, their planned actions and the extensions are on the recommendation itself "
    "(GET /api/v1/recommendations/<reference>/)."
)


@extend_schema_view(
    list=extend_schema(
        summary="List recommendations",
        description=LIST_DESCRIPTION,
        responses=RecommendationSummarySchemaSerializer(many=True),
        examples=[OpenApiExample("An issued recommendation", value=SUMMARY_EXAMPLE)],
    ),
    retrieve=extend_schema(
        summary="Read a recommendation",
        description="A liaison gets 404 for a draft or another organisation's recommendation.",
        responses={200: RecommendationSchemaSerializer, 404: NOT_FOUND},
        examples=[
            OpenApiExample(
                "An issued recommendation", value=RECOMMENDATION_EXAMPLE, response_only=True
            )
        ],
    ),
    create=extend_schema(
        summary="Draft or issue a recommendation (staff)",
        request=RecommendationCreateSerializer,
        responses={201: RecommendationSchemaSerializer, 400: BAD_INPUT, 403: FORBIDDEN},
        examples=[
            OpenApiExample(
                "Issue a statutory recommendation at once",
                value={
                    "recipient": "hertfordshire-constabulary",
                    "source": "INV-2024-000045",
                    "theme": "near_misses_in_custody",
                    "type": "training",
                    "text": "The force should train custody officers to carry out rousing checks.",
                    "is_statutory": True,
                    "status": "issued",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Draft from thematic work",
                value={"source": "thematic", "theme": "mental_health", "status": "draft"},
                request_only=True,
            ),
        ],
    ),
    partial_update=extend_schema(
        summary="Edit a draft, or change its owner (staff)",
        description="Only a draft's details change. " + OWNER_NOTE,
        request=RecommendationUpdateSerializer,
        responses=STAFF_CHANGE_RESPONSES,
        examples=[
            OpenApiExample(
                "Take an unallocated recommendation (any status)",
                value={"owner": "casey.worker", "version": 3},
                request_only=True,
            ),
            OpenApiExample(
                "Address the draft and give its text",
                value={
                    "recipient": "college-of-policing",
                    "type": "policy_guidance",
                    "text": "Update the authorised professional practice on detention.",
                    "version": 1,
                },
                request_only=True,
            ),
        ],
    ),
)
class RecommendationViewSet(CaseRecordViewSet):
    filter_backends = [FilterBackend]  # the filter set orders, with a stable tie-break
    pagination_class = KeysetPagination
    filterset_class = RecommendationFilter
    throttle_classes = [UserRateThrottle, PerTokenRateThrottle]
    parser_classes = [JSONBodyParser]
    content_negotiation_class = JSONOnlyNegotiation
    http_method_names = ["get", "post", "patch", "head", "options"]
    staff_actions = frozenset({"create", "partial_update", "update", "issue"})

    def get_permissions(self):
        # Staff only (notes, drafting, issuing): a liaison is told they do not exist, as for
        # anything outside their reach.
        if self.action == "notes" or self.action in self.staff_actions:
            return [permissions.IsAuthenticated(), IsCaseworkStaff()]
        if self.action == "respond":
            return [permissions.IsAuthenticated(), IsLiaison()]
        return [permissions.IsAuthenticated(), IsStaffOrLiaison()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Recommendation.objects.none()
        if self.action == "list":
            return selectors.recommendation_summaries(user=self.request.user)
        return selectors.recommendation_list_with_responses(user=self.request.user)

    def get_serializer_class(self):
        user = getattr(self.request, "user", None)
        if user is not None and is_force_liaison(user):
            return LiaisonRecommendationSerializer
        return StaffRecommendationSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": self.today}

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        today, staff = self.today, not is_force_liaison(request.user)
        return self.get_paginated_response(
            [recommendation_summary(row, today=today, staff=staff) for row in page]
        )

    create_serializer_class = RecommendationCreateSerializer
    update_serializer_class = RecommendationUpdateSerializer

    def create_record(self, incoming):
        return services.recommendation_create(
            actor=self.request.user, today=self.today, **incoming.validated_data
        )

    def revise(self, recommendation, *, incoming, version, changes, steps):
        services.recommendation_update(
            actor=self.request.user, recommendation=recommendation, version=version, **changes
        )

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial", False):  # only drafts change, a field at a time
            raise exceptions.MethodNotAllowed(request.method)
        return super().update(request, *args, **kwargs)

    @extend_schema(
        summary="Issue a draft (staff)",
        request=IssueSerializer,
        responses=STAFF_CHANGE_RESPONSES,
        examples=[
            OpenApiExample("Issue today", value={}, request_only=True),
            OpenApiExample(
                "Issue with a date and the version read",
                value={"issued_on": "2024-06-03", "version": 2},
                request_only=True,
            ),
        ],
    )
    @action(detail=True, methods=["post"])
    def issue(self, request, reference=None):
        recommendation = self.get_object()
        incoming = IssueSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        services.recommendation_issue(
            actor=request.user,
            recommendation=recommendation,
            today=self.today,
            **incoming.validated_data,
        )
        return self.stored(recommendation)

    @extend_schema(
        summary="Submit your organisation's response (liaison of the recipient)",
        description=(
            "Answer an issued recommendation addressed to your organisation. A final response "
            "cannot be followed by another; an interim one (final: false) can. A response is "
            "received the day it arrives: responded_on defaults to today, and an earlier day "
            "is refused (400). 404 for another organisation's recommendation or a draft; "
            "400 with a message for anything else that cannot be accepted."
        ),
        request=ResponseWriteSerializer,
        responses={
            201: RecommendationSchemaSerializer,
            400: BAD_INPUT,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        examples=[
            OpenApiExample(
                "Accept, with planned actions",
                value={
                    "status": "accepted",
                    "response": "We accept the recommendation and will retrain custody staff.",
                    "planned_actions": [
                        {
                            "description": "Rousing checks added to custody training",
                            "due_on": "2024-09-30",
                        }
                    ],
                },
                request_only=True,
            ),
            OpenApiExample(
                "Not accepted, with representations against publication",
                value={
                    "status": "not_accepted",
                    "response": "The practice is already covered by our custody policy.",
                    "representations": "The second paragraph names a serving officer.",
                },
                request_only=True,
            ),
        ],
    )
    @action(detail=True, methods=["post"], url_path="response")
    def respond(self, request, reference=None):
        recommendation = self.get_object()
        incoming = ResponseWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        services.recommendation_respond(
            actor=request.user,
            recommendation=recommendation,
            status=data["status"],
            response=data["response"],
            responded_on=data["responded_on"],
            planned_actions=data["planned_actions"],
            is_final=data["final"],
            representations=data["representations"],
            received_via=ReceivedVia.API,
            today=self.today,
        )
        return self.stored(recommendation, status_code=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Published recommendations (public, no sign-in)",
        description=(
            "Every issued recommendation with its latest published response, for anyone to "
            "read. Drafts and unpublished responses are never included."
        ),
    ),
    retrieve=extend_schema(summary="One published recommendation (public, no sign-in)"),
)
class PublicRecommendationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonRateThrottle]
    serializer_class = PublicRecommendationSerializer
    filter_backends = [FilterBackend]
    filterset_class = PublicRecommendationFilter
    lookup_field = "reference"

    def get_queryset(self):
        return selectors.public_recommendation_list()
