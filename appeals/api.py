"""Applications over the REST API (staff only). Serializers shape input; services decide."""

from rest_framework import serializers

from appeals import selectors, services
from appeals.filters import ApplicationFilter
from appeals.models import Applicant, Application, FollowUp, InvalidReason, Result, Subject
from oversight.core.api_views import CaseRecordViewSet, record_schema
from oversight.core.models import Organisation

FORCES = Organisation.objects.exclude(kind=Organisation.Kind.NATIONAL_BODY)
CRITERIA_HELP = "A criterion that makes the oversight body the relevant review body."


class ApplicationSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind = serializers.CharField(
        read_only=True, help_text="appeal (complaint before 1 February 2020) or review; derived."
    )
    made_in_time = serializers.BooleanField(
        read_only=True,
        help_text="Received within 28 days beginning with the day after the outcome was "
        "notified; derived.",
    )
    apply_by = serializers.DateField(read_only=True, help_text="The last day to apply in time.")
    review_body = serializers.CharField(read_only=True, help_text="Derived from the criteria.")
    is_valid = serializers.BooleanField(read_only=True, allow_null=True)
    upheld = serializers.BooleanField(
        read_only=True,
        allow_null=True,
        help_text="True when upheld (a review: the outcome was not reasonable and "
        "proportionate); null while undecided.",
    )
    judged_by = serializers.CharField(source="judged_by.username", read_only=True, default=None)
    decided_by = serializers.CharField(source="decided_by.username", read_only=True, default=None)

    class Meta:
        model = Application
        fields = [
            "reference",
            "organisation",
            "force_reference",
            "complaint_made_on",
            "outcome_notified_on",
            "received_on",
            "kind",
            "made_in_time",
            "apply_by",
            "applicant",
            "subject",
            "summary",
            "about_senior_officer",
            "referred_or_should_have_been",
            "could_justify_proceedings",
            "engages_article_2_or_3",
            "same_incident",
            "review_body",
            "forwarded_to",
            "forwarded_on",
            "status",
            "is_valid",
            "invalid_reason",
            "special_circumstances",
            "validity_notes",
            "judged_on",
            "judged_by",
            "decided_on",
            "result",
            "upheld",
            "follow_up",
            "decision_reasons",
            "decided_by",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ApplicationWriteSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=FORCES,
        error_messages={"does_not_exist": "No force has the code “{value}”."},
    )
    force_reference = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    complaint_made_on = serializers.DateField()
    outcome_notified_on = serializers.DateField()
    received_on = serializers.DateField()
    applicant = serializers.ChoiceField(
        choices=Applicant.choices, required=False, default=Applicant.COMPLAINANT
    )
    subject = serializers.ChoiceField(choices=Subject.choices)
    summary = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    about_senior_officer = serializers.BooleanField(
        required=False, default=False, help_text=CRITERIA_HELP
    )
    referred_or_should_have_been = serializers.BooleanField(
        required=False, default=False, help_text=CRITERIA_HELP
    )
    could_justify_proceedings = serializers.BooleanField(
        required=False, default=False, help_text=CRITERIA_HELP
    )
    engages_article_2_or_3 = serializers.BooleanField(
        required=False, default=False, help_text=CRITERIA_HELP
    )
    same_incident = serializers.BooleanField(
        required=False, default=False, help_text=CRITERIA_HELP
    )
    forwarded_to = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    forwarded_on = serializers.DateField(required=False, allow_null=True, default=None)
    is_valid = serializers.BooleanField(required=False, allow_null=True, default=None)
    invalid_reason = serializers.ChoiceField(
        choices=InvalidReason.choices, required=False, allow_blank=True, default=""
    )
    special_circumstances = serializers.CharField(
        max_length=10000, required=False, allow_blank=True, default=""
    )
    validity_notes = serializers.CharField(
        max_length=10000, required=False, allow_blank=True, default=""
    )
    judged_on = serializers.DateField(required=False, allow_null=True, default=None)
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    result = serializers.ChoiceField(
        choices=Result.choices, required=False, allow_blank=True, default=""
    )
    follow_up = serializers.ListField(
        child=serializers.ChoiceField(choices=FollowUp.choices), required=False, default=list
    )
    decision_reasons = serializers.CharField(
        max_length=10000, required=False, allow_blank=True, default=""
    )


class ApplicationUpdateSerializer(ApplicationWriteSerializer):
    version = serializers.IntegerField(
        help_text="The version you read; the update is refused with 409 if it has changed since."
    )


@record_schema(
    list="List appeals and reviews",
    retrieve="Read an appeal or review",
    create="Record an application for an appeal or a review",
    update="Edit an application",
    partial_update="Edit part of an application, forward it, judge its validity or decide it",
    partial_update_description=(
        "Send `forwarded_to` and `forwarded_on` to record it as forwarded; `is_valid` "
        "(with `invalid_reason`, or `special_circumstances` if late) to judge validity; "
        "`result` and `decided_on` (with `follow_up` when upheld) to decide. A valid "
        "application is decided once. Every request carries the `version` you read."
    ),
    examples={
        "create": (
            "A review of a complaint handled otherwise than by investigation",
            {
                "organisation": "hertfordshire-constabulary",
                "force_reference": "CO/123/24",
                "complaint_made_on": "2024-01-15",
                "outcome_notified_on": "2024-05-10",
                "received_on": "2024-06-03",
                "applicant": "complainant",
                "subject": "non_investigation_handling",
                "referred_or_should_have_been": True,
            },
        ),
        "partial_update": (
            "Judge valid and decide a review: not reasonable and proportionate",
            {
                "version": 1,
                "is_valid": True,
                "judged_on": "2024-06-04",
                "result": "upheld",
                "decided_on": "2024-07-01",
                "follow_up": ["reinvestigation"],
            },
        ),
    },
)
class ApplicationViewSet(CaseRecordViewSet):
    serializer_class = ApplicationSerializer
    create_serializer_class = ApplicationWriteSerializer
    update_serializer_class = ApplicationUpdateSerializer
    filterset_class = ApplicationFilter
    ordering_fields = ["received_on", "decided_on", "reference", "updated_at"]
    workflow_steps = {
        "forward": ("forwarded_to", "forwarded_on"),
        "judgement": (
            "is_valid",
            "invalid_reason",
            "special_circumstances",
            "validity_notes",
            "judged_on",
        ),
        "decision": ("decided_on", "result", "follow_up", "decision_reasons"),
    }

    def get_queryset(self):
        return selectors.application_list(user=self.request.user)

    def create_record(self, incoming):
        return services.application_create(
            actor=self.request.user, today=self.today, **incoming.validated_data
        )

    def revise(self, application, *, incoming, version, changes, steps):
        services.application_revise(
            actor=self.request.user,
            application=application,
            version=version,
            today=self.today,
            changes=changes,
            **steps,
        )
