"""The parties and the contact log over the API, nested under each kind of case record
(/api/v1/referrals/<reference>/parties/ ...): casework staff only, every read logged, every
write through the services. casework_routes() gives an area's api_routes the entries."""

from collections.abc import Callable

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from oversight.core.api_views import VERSION_REQUIRED
from oversight.core.casework import selectors, services
from oversight.core.casework.models import Contact, Party
from oversight.core.casework.serializers import (
    ContactInputSerializer,
    ContactSerializer,
    PartyInputSerializer,
    PartySerializer,
    PartyUpdateSerializer,
)
from oversight.core.permissions import IsCaseworkStaff
from oversight.core.views import TodayMixin

REFERENCE = OpenApiParameter(
    "reference", str, OpenApiParameter.PATH, description="The case's reference."
)


@extend_schema(parameters=[REFERENCE])
class CaseworkViewSet(TodayMixin, viewsets.GenericViewSet):
    """Rows of the case found by `record_lookup` (a selector: 404 when the user may not see
    the case), each read logged as a read of the case's personal data."""

    permission_classes = [IsCaseworkStaff]
    filter_backends: list = []
    record_lookup: Callable
    model: type

    def record(self):
        if not hasattr(self, "_record"):
            self._record = self.record_lookup(
                user=self.request.user, reference=self.kwargs["reference"]
            )
        return self._record

    def logged(self, response: Response) -> Response:
        services.view_log_parties(
            user=self.request.user, record=self.record(), model=self.model, via_api=True
        )
        return response

    def list(self, request, *args, **kwargs):
        return self.logged(super().list(request, *args, **kwargs))

    def retrieve(self, request, *args, **kwargs):
        return self.logged(super().retrieve(request, *args, **kwargs))


@extend_schema_view(
    list=extend_schema(summary="The people around the case"),
    retrieve=extend_schema(summary="One person around the case"),
    create=extend_schema(
        summary="Add a person",
        description="A representative names the party they act for (`acting_for`) and the "
        "date of consent (`consent_on`, not in the future).",
        request=PartyInputSerializer,
        responses={201: PartySerializer},
    ),
    update=extend_schema(
        summary="Change a person", request=PartyUpdateSerializer, responses=PartySerializer
    ),
    partial_update=extend_schema(
        summary="Change some of a person's details",
        request=PartyUpdateSerializer,
        responses=PartySerializer,
    ),
    destroy=extend_schema(
        summary="Remove a person",
        description="Send the `version` read (as ?version=). Refused (400) while someone "
        "represents them or contacts with them are logged.",
    ),
)
class PartyViewSet(
    CaseworkViewSet,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
):
    serializer_class = PartySerializer
    model = Party

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Party.objects.none()
        return selectors.party_list(record=self.record())

    def create(self, request, *args, **kwargs):
        incoming = PartyInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        party = services.party_add(
            actor=request.user, record=self.record(), today=self.today, **incoming.validated_data
        )
        return Response(PartySerializer(party).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        party = self.get_object()
        partial = kwargs.pop("partial", False)
        incoming = PartyUpdateSerializer(data=request.data, partial=partial)
        incoming.is_valid(raise_exception=True)
        data = {
            name: value
            for name, value in incoming.validated_data.items()
            if name in request.data or not partial
        }
        if "version" not in data:
            raise serializers.ValidationError(VERSION_REQUIRED)
        version = data.pop("version")
        party = services.party_update(
            actor=request.user, party=party, version=version, today=self.today, **data
        )
        return Response(PartySerializer(party).data)

    def destroy(self, request, *args, **kwargs):
        party = self.get_object()
        field = serializers.IntegerField()
        raw = request.query_params.get("version", request.data.get("version"))
        if raw in (None, ""):
            raise serializers.ValidationError(VERSION_REQUIRED)
        try:
            version = field.to_internal_value(raw)
        except serializers.ValidationError as error:
            raise serializers.ValidationError({"version": error.detail}) from None
        services.party_remove(actor=request.user, party=party, version=version)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Every contact with the people of the case, latest first"),
    retrieve=extend_schema(summary="One contact"),
    create=extend_schema(
        summary="Log a contact",
        description="With a party of this case, dated neither in the future nor before the "
        "case was received.",
        request=ContactInputSerializer,
        responses={201: ContactSerializer},
    ),
)
class ContactViewSet(
    CaseworkViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    serializer_class = ContactSerializer
    model = Contact

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Contact.objects.none()
        return selectors.contact_list(record=self.record())

    def create(self, request, *args, **kwargs):
        incoming = ContactInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        contact = services.contact_record(
            actor=request.user, record=self.record(), today=self.today, **incoming.validated_data
        )
        return Response(ContactSerializer(contact).data, status=status.HTTP_201_CREATED)


def casework_routes(prefix: str, basename: str, lookup: Callable) -> list[tuple]:
    """The (prefix, viewset, basename) entries of the parties and contacts of the records at
    `prefix` (found by `lookup`), for an area's api_routes: <prefix>/<reference>/parties/
    and <prefix>/<reference>/contacts/, named <basename>-party and <basename>-contact."""
    name = basename.title()
    return [
        (
            rf"{prefix}/(?P<reference>[^/.]+)/{noun}",
            type(f"{name}{viewset.__name__}", (viewset,), {"record_lookup": staticmethod(lookup)}),
            f"{basename}-{single}",
        )
        for noun, single, viewset in (
            ("parties", "party", PartyViewSet),
            ("contacts", "contact", ContactViewSet),
        )
    ]
