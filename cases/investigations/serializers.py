"""Serializers of investigations for the REST API: reads nest the people and their outcomes;
writes shape input for the services, which apply the rules. Choice fields are documented as
named enum components so that the schema's names never collide with other resources'."""

from rest_framework import serializers

from cases.investigations import selectors, services
from cases.models import (
    INVESTIGATION_MODES,
    Allegation,
    ChargingDecision,
    Consequence,
    DisciplinaryResult,
    Investigation,
    InvestigationStatus,
    NoticeAction,
    Outcome,
    PauseReason,
    Referral,
    StatutoryNotice,
    Subject,
    Theme,
)
from cases.referrals.serializers import RegimeField
from oversight.core.api_fields import VERSION_HELP, DateField, enum_field, force_field, owner_field
from oversight.core.regime import Regime

SUBJECTS_HELP = (
    "On update, the full list of people: those with an id are changed, those without are "
    "added, and those left out are removed. Leave the field out to keep the people as they are."
)


MODES = [(m.value, m.label) for m in INVESTIGATION_MODES]
ModeField = enum_field("InvestigationModeEnum", MODES)
StatusField = enum_field("InvestigationStatusEnum", InvestigationStatus.choices)
PauseReasonField = enum_field("PauseReasonEnum", PauseReason.choices, blank=True)
OutcomeField = enum_field("OutcomeEnum", Outcome.choices, blank=True)
ChargingDecisionField = enum_field("ChargingDecisionEnum", ChargingDecision.choices, blank=True)
DisciplinaryResultField = enum_field(
    "DisciplinaryResultEnum", DisciplinaryResult.choices, blank=True
)
NoticeActionField = enum_field("NoticeActionEnum", NoticeAction.choices)
ConsequenceField = enum_field("ConsequenceEnum", Consequence.choices, blank=True)
CONSEQUENCE_HELP = (
    "Only with {outcome} no_case_to_answer: unsatisfactory_performance (the unsatisfactory "
    "performance procedures) or reflective_practice (the reflective practice review process)."
)


# Reading ---------------------------------------------------------------------------------


class AllegationSerializer(serializers.ModelSerializer):
    investigator_opinion = OutcomeField(choices=Outcome.choices, read_only=True)
    force_determination = OutcomeField(choices=Outcome.choices, read_only=True)
    investigator_consequence = ConsequenceField(
        choices=Consequence.choices,
        read_only=True,
        help_text=CONSEQUENCE_HELP.format(outcome="investigator_opinion"),
    )
    force_consequence = ConsequenceField(
        choices=Consequence.choices,
        read_only=True,
        help_text=CONSEQUENCE_HELP.format(outcome="force_determination"),
    )

    class Meta:
        model = Allegation
        fields = [
            "id",
            "description",
            "investigator_opinion",
            "investigator_consequence",
            "force_determination",
            "force_consequence",
        ]
        read_only_fields = fields


class SubjectSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    outcome = OutcomeField(
        choices=Outcome.choices,
        read_only=True,
        help_text="The most serious investigator's opinion on this person's allegations.",
    )
    charging_decision = ChargingDecisionField(choices=ChargingDecision.choices, read_only=True)
    disciplinary_result = DisciplinaryResultField(
        choices=DisciplinaryResult.choices, read_only=True
    )
    allegations = AllegationSerializer(many=True, read_only=True)

    class Meta:
        model = Subject
        fields = [
            "id",
            "name",
            "rank",
            "collar_number",
            "organisation",
            "outcome",
            "referred_to_cps",
            "charging_decision",
            "disciplinary_result",
            "barred_list",
            "advisory_list",
            "allegations",
        ]
        read_only_fields = fields


class NoticeSerializer(serializers.ModelSerializer):
    action = NoticeActionField(choices=NoticeAction.choices, read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True)
    recipients = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="local_policing_body, and chief_officer unless the investigation relates to "
        "the chief officer's conduct (reg. 13(2)).",
    )

    class Meta:
        model = StatutoryNotice
        fields = [
            "due_on",
            "action",
            "actioned_on",
            "recipients",
            "chief_officer_under_investigation",
            "progress",
            "estimated_completion_on",
            "delay_reasons",
            "planned_steps",
            "note",
            "recorded_by",
            "recorded_at",
        ]
        read_only_fields = fields


class InvestigationSerializer(serializers.ModelSerializer):
    owner = owner_field(read_only=True)
    referral = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    organisation = serializers.CharField(
        source="referral.organisation.code", read_only=True, help_text="The referring force."
    )
    lead_investigator = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    themes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    mode = ModeField(choices=MODES, read_only=True)
    regime = RegimeField(
        choices=Regime.choices,
        read_only=True,
        help_text="The referral's regime (pre_2020 or post_2020), which the investigation "
        "follows: it decides the modes allowed.",
    )
    status = StatusField(choices=InvestigationStatus.choices, read_only=True)
    pause_reason = PauseReasonField(choices=PauseReason.choices, read_only=True)
    six_months_on = DateField(read_only=True)
    twelve_months_on = DateField(read_only=True)
    within_6_months = serializers.BooleanField(read_only=True, allow_null=True)
    within_12_months = serializers.BooleanField(read_only=True, allow_null=True)
    next_update_due_on = DateField(
        read_only=True,
        allow_null=True,
        help_text="The earliest progress update owed to a complainant or interested person "
        "(reg. 34(2)(a): 28 days after the start or after their last update); null when "
        "there is no one to tell or the investigation is completed.",
    )
    subjects = SubjectSerializer(many=True, read_only=True)

    class Meta:
        model = Investigation
        fields = [
            "reference",
            "referral",
            "organisation",
            "mode",
            "regime",
            "lead_investigator",
            "themes",
            "is_major",
            "first_aware_on",
            "started_on",
            "status",
            "status_changed_on",
            "pause_reason",
            "completed_on",
            "six_months_on",
            "twelve_months_on",
            "within_6_months",
            "within_12_months",
            "next_notice_due_on",
            "next_update_due_on",
            "subjects",
            "owner",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


# Writing ---------------------------------------------------------------------------------


class AllegationWriteSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, help_text="An existing allegation to change.")
    description = serializers.CharField(max_length=5000)
    investigator_opinion = OutcomeField(choices=Outcome.choices, required=False, allow_blank=True)
    force_determination = OutcomeField(choices=Outcome.choices, required=False, allow_blank=True)
    investigator_consequence = ConsequenceField(
        choices=Consequence.choices,
        required=False,
        allow_blank=True,
        help_text=CONSEQUENCE_HELP.format(outcome="investigator_opinion"),
    )
    force_consequence = ConsequenceField(
        choices=Consequence.choices,
        required=False,
        allow_blank=True,
        help_text=CONSEQUENCE_HELP.format(outcome="force_determination"),
    )


class SubjectWriteSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, help_text="An existing person to change.")
    name = serializers.CharField(max_length=200)
    rank = serializers.CharField(max_length=80, required=False, allow_blank=True)
    collar_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    organisation = force_field(
        required=False,
        allow_null=True,
        help_text="The person's force; the referring force if left out.",
    )
    referred_to_cps = serializers.BooleanField(required=False)
    charging_decision = ChargingDecisionField(
        choices=ChargingDecision.choices, required=False, allow_blank=True
    )
    disciplinary_result = DisciplinaryResultField(
        choices=DisciplinaryResult.choices, required=False, allow_blank=True
    )
    barred_list = serializers.BooleanField(required=False)
    advisory_list = serializers.BooleanField(
        required=False, help_text="Entered on the advisory list (Police Act 1996 Part 4A)."
    )
    allegations = AllegationWriteSerializer(
        many=True, required=False, help_text="Replaces the person's allegations when given."
    )

    def to_input(self, data: dict) -> services.SubjectInput:
        allegations = data.pop("allegations", None)
        return services.SubjectInput(
            **data,
            allegations=None
            if allegations is None
            else [services.AllegationInput(**a) for a in allegations],
        )


class InvestigationWriteSerializer(serializers.Serializer):
    owner = owner_field()
    referral = serializers.SlugRelatedField(
        slug_field="reference",
        queryset=Referral.objects.none(),
        error_messages={"does_not_exist": "No referral has the reference “{value}”."},
    )
    started_on = DateField()
    lead_investigator = serializers.SlugRelatedField(
        slug_field="username",
        queryset=selectors.lead_investigators_for_choice(),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": "No member of casework staff is called “{value}”."},
    )
    themes = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Theme.objects.all(),
        many=True,
        required=False,
        error_messages={"does_not_exist": "No theme has the code “{value}”."},
    )
    is_major = serializers.BooleanField(required=False)
    first_aware_on = DateField(
        required=False,
        allow_null=True,
        help_text="The date the matter came to the force's attention; the referral's if left out.",
    )
    subjects = SubjectWriteSerializer(many=True, required=False, help_text=SUBJECTS_HELP)
    status = StatusField(choices=InvestigationStatus.choices, required=False)
    status_changed_on = DateField(
        required=False,
        allow_null=True,
        help_text="When the new status took effect; today if left out.",
    )
    completed_on = DateField(
        required=False,
        allow_null=True,
        help_text="Completes the investigation (with status completed, or on its own).",
    )
    pause_reason = PauseReasonField(choices=PauseReason.choices, required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True, help_text="On a status change.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        # Scoped like the API's reads: a caller attaches only a referral they may see.
        if "referral" in self.fields and request is not None:
            self.fields["referral"].queryset = Referral.objects.for_user(request.user)


class InvestigationUpdateSerializer(InvestigationWriteSerializer):
    referral = None
    started_on = DateField(required=False)
    mode = ModeField(choices=MODES, required=False)
    version = serializers.IntegerField(help_text=VERSION_HELP)


class NoticeWriteSerializer(serializers.Serializer):
    due_on = DateField(help_text="The due date of the notice being recorded.")
    action = NoticeActionField(choices=NoticeAction.choices)
    actioned_on = DateField(required=False, help_text="Today if left out.")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    chief_officer_under_investigation = serializers.BooleanField(
        required=False,
        default=False,
        help_text="The investigation relates to the chief officer's conduct: the notice goes "
        "to the local policing body only (reg. 13(2)(b)).",
    )
    progress = serializers.CharField(required=False, allow_blank=True, default="")
    estimated_completion_on = DateField(required=False, allow_null=True, default=None)
    delay_reasons = serializers.CharField(required=False, allow_blank=True, default="")
    planned_steps = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="With progress, estimated_completion_on and delay_reasons: required when "
        "action is given (reg. 13(4)).",
    )
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)
