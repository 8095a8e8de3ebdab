"""Serializers of applications for the REST API: the read representation, and the write
input the services take (details, forwarding, validity and the decision in one body)."""

from rest_framework import serializers

from appeals.models import Applicant, Application, FollowUp, InvalidReason, Result, Subject
from oversight.core.api_fields import (
    DateField,
    choice_list,
    enum_field,
    force_field,
    optional_choice,
    optional_date,
    optional_flag,
    optional_text,
    organisation_field,
    owner_field,
    version_field,
)
from oversight.core.models import Organisation
from oversight.core.regime import RegimeReason

CRITERIA_HELP = (
    "A criterion (met by any part of the complaint) that makes the oversight body the "
    "relevant review body."
)


# Blank until recorded: read-only model fields lose allow_blank, so their enums are declared.
RegimeReasonField = enum_field("ApplicationRegimeReason", RegimeReason.choices, blank=True)
InvalidReasonField = enum_field("ApplicationInvalidReason", InvalidReason.choices, blank=True)
ResultField = enum_field("ApplicationResult", Result.choices, blank=True)


class ApplicationSerializer(serializers.ModelSerializer):
    owner = owner_field(read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    regime = serializers.CharField(
        read_only=True,
        help_text="pre_2020 or post_2020: the complaint's regime (SI 2020/5 reg. 3), from the "
        "date it was made unless regime_reason says otherwise; derived.",
    )
    kind = serializers.CharField(
        read_only=True,
        help_text="appeal (old-regime complaint) or review (2020 regime); derived from regime.",
    )
    made_in_time = serializers.BooleanField(
        read_only=True,
        help_text="Made within 28 days beginning with the day after the outcome was "
        "notified, counting to first_received_on when it was first made to another body and "
        "forwarded (reg. 29(3) / para. 32(3)); derived.",
    )
    apply_by = DateField(read_only=True, help_text="The last day to apply in time.")
    review_body = serializers.CharField(read_only=True, help_text="Derived from the criteria.")
    is_valid = serializers.BooleanField(read_only=True, allow_null=True)
    upheld = serializers.BooleanField(
        read_only=True,
        allow_null=True,
        help_text="True when upheld (a review: the outcome was not reasonable and "
        "proportionate); null while undecided.",
    )
    first_received_by = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="The code of the body the application was first made to (a local policing "
        "body or a force) when it was forwarded here; null when it was made here.",
    )
    first_received_on = DateField(
        read_only=True,
        allow_null=True,
        help_text="The day that body received it: made_in_time counts to this day (the time "
        "before forwarding is disregarded, reg. 29(3) / para. 32(3)).",
    )
    forwarded_to = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="The code of the organisation it was forwarded to (the local policing body; "
        "for an appeal before 2020, the force); null until forwarded.",
    )
    forwarded_to_text = serializers.CharField(
        read_only=True,
        help_text="Who it was forwarded to, as recorded in words before forwarding named an "
        "organisation (blank otherwise).",
    )
    judged_by = serializers.CharField(
        source="judged_by.username", read_only=True, default=None, allow_null=True
    )
    decided_by = serializers.CharField(
        source="decided_by.username", read_only=True, default=None, allow_null=True
    )
    # Blank until recorded: read-only model fields lose allow_blank, so they are declared.
    regime_reason = RegimeReasonField(choices=RegimeReason.choices, read_only=True)
    invalid_reason = InvalidReasonField(choices=InvalidReason.choices, read_only=True)
    result = ResultField(choices=Result.choices, read_only=True)

    class Meta:
        model = Application
        fields = [
            "reference",
            "organisation",
            "force_reference",
            "complaint_made_on",
            "outcome_notified_on",
            "received_on",
            "first_received_on",
            "first_received_by",
            "regime",
            "regime_reason",
            "kind",
            "made_in_time",
            "apply_by",
            "applicant",
            "subject",
            "summary",
            "about_senior_officer",
            "referred_or_should_have_been",
            "treated_as_referred",
            "could_justify_proceedings",
            "engages_article_2_or_3",
            "same_incident",
            "review_body",
            "forwarded_to",
            "forwarded_to_text",
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
            "owner",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ApplicationWriteSerializer(serializers.Serializer):
    owner = owner_field()
    organisation = force_field()
    force_reference = optional_text(max_length=60)
    complaint_made_on = DateField()
    outcome_notified_on = DateField()
    received_on = DateField()
    first_received_on = optional_date(
        help_text="When the application was first made to another body and forwarded here: "
        "the day that body received it (given with first_received_by). The time limit "
        "counts to it."
    )
    first_received_by = organisation_field(
        Organisation.objects.policing_bodies(),
        required=False,
        allow_null=True,
        default=None,
        help_text="The code of the body it was first made to: a local policing body or a "
        "force (given with first_received_on).",
    )
    applicant = serializers.ChoiceField(
        choices=Applicant.choices, required=False, default=Applicant.COMPLAINANT
    )
    subject = serializers.ChoiceField(choices=Subject.choices)
    summary = optional_text(max_length=10000)
    regime_reason = optional_choice(
        RegimeReason.choices,
        help_text="Only where the complaint's regime is not its date's: "
        "linked_to_earlier_matter (a 2020 complaint stays an appeal), reinvestigation or "
        "old_case_direction (an earlier complaint becomes a review).",
    )
    about_senior_officer = optional_flag(help_text=CRITERIA_HELP)
    referred_or_should_have_been = optional_flag(help_text=CRITERIA_HELP)
    treated_as_referred = optional_flag(help_text=CRITERIA_HELP)
    could_justify_proceedings = optional_flag(help_text=CRITERIA_HELP)
    engages_article_2_or_3 = optional_flag(help_text=CRITERIA_HELP)
    same_incident = optional_flag(help_text=CRITERIA_HELP)
    forwarded_to = organisation_field(
        Organisation.objects.policing_bodies(),
        required=False,
        allow_null=True,
        default=None,
        help_text="The code of the organisation it was forwarded to: the local policing body "
        "of the force's area (for an appeal before 2020, the force).",
    )
    forwarded_on = optional_date()
    is_valid = serializers.BooleanField(required=False, allow_null=True, default=None)
    invalid_reason = optional_choice(InvalidReason.choices)
    special_circumstances = optional_text(max_length=10000)
    validity_notes = optional_text(max_length=10000)
    judged_on = optional_date()
    decided_on = optional_date()
    result = optional_choice(Result.choices)
    follow_up = choice_list(FollowUp.choices)
    decision_reasons = optional_text(max_length=10000)


class ApplicationUpdateSerializer(ApplicationWriteSerializer):
    version = version_field()
