"""GET /api/v1/me/: who the token or session belongs to; /api/v1/tokens/: the caller's own
API tokens, each revocable at once.

An integration checks with /me/ that its token works and which organisation it answers for,
before it syncs anything. Every signed-in role may call these; they read nothing but the
user and the user's own tokens (anyone else's token id is 404).
"""

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from oversight.core import selectors
from oversight.core.models import Role, User
from oversight.core.services import api_token_revoke


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


class TokenSerializer(serializers.Serializer):
    """An API token as its owner sees it: never the key. The token model keeps no name, kind
    or last use: name and last_used_at are null and every token is `live`."""

    id = serializers.SerializerMethodField()
    name = serializers.CharField(default=None, allow_null=True, read_only=True)
    created_at = serializers.DateTimeField(source="created", read_only=True)
    expires_at = serializers.DateTimeField(source="expiry", read_only=True, allow_null=True)
    last_used_at = serializers.DateTimeField(default=None, allow_null=True, read_only=True)
    kind = serializers.ChoiceField(choices=["live", "test"], default="live", read_only=True)

    def get_id(self, token) -> str:
        return selectors.api_token_id(token)


class TokenListView(APIView):
    @extend_schema(
        summary="Your API tokens",
        description="The caller's own tokens, newest first; never their keys.",
        responses=TokenSerializer(many=True),
    )
    def get(self, request):
        tokens = selectors.api_tokens_of(user=request.user)
        return Response(TokenSerializer(tokens, many=True).data)


class TokenDetailView(APIView):
    @extend_schema(
        summary="Revoke one of your API tokens",
        description="At once: the next request with it is a 401. Another user's token is 404.",
        responses={204: None, 404: OpenApiResponse(description="Not one of your tokens.")},
    )
    def delete(self, request, token_id: str):
        token = selectors.api_token_of(user=request.user, token_id=token_id)
        if token is None:
            raise exceptions.NotFound()
        api_token_revoke(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)
