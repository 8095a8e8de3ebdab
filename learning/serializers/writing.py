"""What staff and liaisons write: shaped here, checked by the services."""

from rest_framework import serializers

from learning.models import (
    RecommendationKind,
    RecommendationStatus,
    RecommendationType,
    ResponseStatus,
)
from learning.serializers.fields import (
    CREATE_STATUSES,
    SOURCE_HELP,
    TYPE_HELP,
    CreateStatusField,
    ResponseStatusField,
    SourceField,
    ThemeField,
    TypeField,
)
from oversight.core.api_fields import (
    optional_date,
    optional_flag,
    optional_text,
    owner_field,
    version_field,
)
from oversight.core.models import Organisation


class RecommendationWriteSerializer(serializers.Serializer):
    owner = owner_field()
    recipient = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="The recipient organisation's code; required to issue.",
        error_messages={"does_not_exist": "No organisation has the code “{value}”."},
    )
    source = SourceField(help_text=SOURCE_HELP)
    theme = ThemeField()
    type = TypeField(
        choices=RecommendationType.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=TYPE_HELP,
    )
    text = optional_text(max_length=20000)
    is_statutory = optional_flag(
        help_text="Made under paragraph 28A of Schedule 3 to the Police Reform Act 2002."
    )
    kind = serializers.ChoiceField(
        choices=RecommendationKind.choices,
        required=False,
        default=RecommendationKind.LEARNING,
        help_text=(
            "learning, or after_review: made after a review or appeal (paragraph 28ZA), from "
            "that application, and always owed a response within 28 days."
        ),
        error_messages={
            "invalid_choice": "“{input}” is not a kind of recommendation: use learning or "
            "after_review."
        },
    )

    def validate(self, attrs):
        if "source" in attrs:
            attrs["source_kind"], attrs["source_reference"] = attrs.pop("source")
        return attrs


class RecommendationCreateSerializer(RecommendationWriteSerializer):
    status = CreateStatusField(
        choices=CREATE_STATUSES,
        required=False,
        default=RecommendationStatus.DRAFT,
        help_text="draft, or issued to issue it at once (recipient, theme, type and text needed).",
    )
    issued_on = optional_date(help_text="When issuing; defaults to today.")


class RecommendationUpdateSerializer(RecommendationWriteSerializer):
    """A draft's fields; only drafts can be changed."""

    version = version_field()


class IssueSerializer(serializers.Serializer):
    issued_on = optional_date(help_text="Defaults to today.")
    version = version_field()


class PlannedActionWriteSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=5000)
    due_on = optional_date()


class ResponseWriteSerializer(serializers.Serializer):
    status = ResponseStatusField(
        choices=ResponseStatus.choices,
        help_text="accepted, partially_accepted or not_accepted.",
        error_messages={
            "invalid_choice": "“{input}” is not an answer: use accepted, partially_accepted "
            "or not_accepted."
        },
    )
    response = serializers.CharField(max_length=20000, help_text="The organisation's response.")
    responded_on = optional_date(
        help_text=(
            "The day the response was received. A response sent through the API is received "
            "the day it arrives: leave it out, or give today's date; an earlier one is "
            "refused."
        )
    )
    planned_actions = PlannedActionWriteSerializer(many=True, required=False, default=list)
    final = serializers.BooleanField(
        required=False,
        default=True,
        help_text="false for an interim response, to be followed by the final one.",
    )
    representations = optional_text(
        max_length=20000,
        help_text=(
            "The organisation's written representations that the response, or parts of it "
            "(say which), should not be published (paragraph 28B(6)); the oversight body "
            "decides whether to publish it in full, in part or not at all."
        ),
    )
    do_not_publish = optional_flag(
        help_text="Shorthand kept for older clients: true needs `representations`."
    )

    def validate(self, attrs):
        if attrs.get("do_not_publish") and not (attrs.get("representations") or "").strip():
            raise serializers.ValidationError(
                {
                    "representations": (
                        "Say why the response, or which parts of it, should not be published."
                    )
                }
            )
        return attrs
