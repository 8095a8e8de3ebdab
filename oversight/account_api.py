"""GET /api/v1/me/: who the token or session belongs to.

An integration checks with it that its token works and which organisation it answers for,
before it syncs anything. Every signed-in role may call it; it reads nothing but the user.
"""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from oversight.core.models import Role, User


class CurrentUserSerializer(serializers.ModelSerializer):
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    organisation = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="A force liaison's organisation code; null for the oversight body's staff.",
    )
    organisation_name = serializers.CharField(
        source="organisation.name", read_only=True, default=None, allow_null=True
    )
    name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = ["username", "name", "role", "organisation", "organisation_name"]
        read_only_fields = fields


class CurrentUserView(APIView):
    @extend_schema(
        summary="Who am I",
        description="The signed-in user (or the token's owner), their role and organisation.",
        responses=CurrentUserSerializer,
        examples=[
            OpenApiExample(
                "A force liaison",
                value={
                    "username": "j.smith",
                    "name": "Jo Smith",
                    "role": "force_liaison",
                    "organisation": "hertfordshire-constabulary",
                    "organisation_name": "Hertfordshire Constabulary",
                },
            )
        ],
    )
    def get(self, request):
        return Response(CurrentUserSerializer(request.user).data)
