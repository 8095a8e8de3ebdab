import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from cases.investigations import services
from cases.investigations.services import AllegationInput, SubjectInput, messages
from cases.models import (
    Allegation,
    Investigation,
    InvestigationStatus,
    StatusChange,
    StatutoryNotice,
    Subject,
)
from cases.tests.factories import (
    AllegationFactory,
    CompletedInvestigationFactory,
    DecidedReferralFactory,
    InvestigationFactory,
    PausedInvestigationFactory,
    ReferralFactory,
    SubjectFactory,
    ThemeFactory,
    UnderInvestigationFactory,
)
from oversight.core.errors import ConflictError
from oversight.tests.factories import LiaisonFactory, OrganisationFactory

D = dt.date
TODAY = D(2024, 6, 3)
pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(herts):
    """Received 1 May 2024, decided independent on 7 May (6 May was a bank holiday)."""
    return DecidedReferralFactory(
        organisation=herts, received_on=D(2024, 5, 1), first_aware_on=D(2024, 4, 20)
    )


# What a notice given must say (reg. 13(4) of the 2020 Regulations).
CONTENTS = {
    "progress": "Statements taken.",
    "estimated_completion_on": D(2024, 9, 30),
    "delay_reasons": "Awaiting expert evidence.",
    "planned_steps": "Interview the officers.",
}


def open_investigation(actor, referral, **overrides):
    data = {
        "actor": actor,
        "referral": referral,
        "started_on": D(2024, 5, 8),
        "today": TODAY,
        "lead_investigator": actor,
    }
    return services.investigation_open(**{**data, **overrides})


def officer(name="Alex Smith", **overrides):
    return SubjectInput(name=name, rank="Police constable", collar_number="PC 1234", **overrides)


# Opening -------------------------------------------------------------------------------------


def test_open_gives_a_reference_copies_the_mode_and_records_the_start(caseworker, referral):
    mental_health = ThemeFactory(code="mental_health")
    investigation = open_investigation(
        caseworker,
        referral,
        themes=[mental_health],
        subjects=[officer(allegations=[AllegationInput(description="Excessive force")])],
    )
    assert investigation.reference == "INV-2024-000001"
    assert investigation.mode == "independent"
    assert investigation.mode_decided_on == D(2024, 5, 7)
    assert investigation.status == InvestigationStatus.STARTED
    assert investigation.first_aware_on == D(2024, 4, 20)  # taken from the referral
    assert investigation.next_notice_due_on == D(2025, 4, 20)
    assert list(investigation.themes.all()) == [mental_health]
    assert [(c.status, c.changed_on) for c in investigation.status_changes.all()] == [
        ("started", D(2024, 5, 8))
    ]
    person = investigation.subjects.get()
    assert person.organisation == referral.organisation  # the referring force by default
    assert person.allegations.get().investigation == investigation
    assert investigation.created_by == caseworker


@pytest.mark.parametrize("mode", ["local", "no_investigation"])
def test_a_referral_decided_local_or_no_investigation_cannot_open_one(caseworker, mode):
    referral = DecidedReferralFactory(mode=mode, received_on=D(2024, 5, 1))
    with pytest.raises(ValidationError) as error:
        open_investigation(caseworker, referral)
    assert error.value.message_dict["referral"] == [
        messages.REFERRAL_NOT_INVESTIGATED.format(
            reference=referral.reference,
            mode={
                "local": "local (by the force)",
                "no_investigation": ("no investigation (returned to the force)"),
            }[mode],
        )
    ]
    assert not Investigation.objects.exists()


def test_an_undecided_referral_cannot_open_one(caseworker):
    referral = ReferralFactory(received_on=D(2024, 5, 1))
    with pytest.raises(ValidationError) as error:
        open_investigation(caseworker, referral)
    assert "not been decided" in error.value.message_dict["referral"][0]


def test_a_referral_opens_one_investigation_only(caseworker, referral):
    first = open_investigation(caseworker, referral)
    with pytest.raises(ValidationError) as error:
        open_investigation(caseworker, referral)
    assert error.value.message_dict["referral"] == [
        messages.ALREADY_OPEN.format(reference=referral.reference, investigation=first.reference)
    ]


def test_directed_and_legacy_modes_open_an_investigation(caseworker):
    directed = DecidedReferralFactory(mode="directed", received_on=D(2024, 5, 1))
    assert open_investigation(caseworker, directed).mode == "directed"
    legacy = DecidedReferralFactory(
        mode="supervised", received_on=D(2020, 1, 6), first_aware_on=D(2020, 1, 2)
    )
    investigation = open_investigation(caseworker, legacy, started_on=D(2020, 1, 20))
    assert investigation.mode == "supervised"
    assert investigation.reference == "INV-2020-000001"


def test_investigation_follows_its_referrals_regime(caseworker):
    old = DecidedReferralFactory(
        mode="managed", received_on=D(2020, 1, 6), first_aware_on=D(2020, 1, 2)
    )
    investigation = open_investigation(caseworker, old, started_on=D(2020, 1, 20))
    assert investigation.regime == "pre_2020"
    with pytest.raises(ValidationError) as error:
        services.investigation_update(
            actor=caseworker,
            investigation=investigation,
            version=investigation.version,
            today=TODAY,
            mode="directed",
        )
    assert error.value.message_dict["mode"] == [messages.DIRECTED_NOT_ALLOWED]
    new = DecidedReferralFactory(mode="directed", received_on=D(2024, 5, 1))
    investigation = open_investigation(caseworker, new)
    assert investigation.regime == "post_2020"
    with pytest.raises(ValidationError) as error:
        services.investigation_update(
            actor=caseworker,
            investigation=investigation,
            version=investigation.version,
            today=TODAY,
            mode="managed",
        )
    assert error.value.message_dict["mode"] == [messages.LEGACY_MODE_NOT_ALLOWED]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"started_on": None}, "started_on", messages.STARTED_REQUIRED),
        ({"started_on": D(2024, 6, 4)}, "started_on", messages.STARTED_IN_FUTURE),
        (
            {"started_on": D(2024, 5, 6)},
            "started_on",
            messages.STARTED_BEFORE_DECISION.format(date="7 May 2024"),
        ),
        ({"first_aware_on": D(2024, 6, 4)}, "first_aware_on", messages.AWARE_IN_FUTURE),
        (
            {"first_aware_on": D(2024, 5, 2)},
            "first_aware_on",
            messages.AWARE_AFTER_RECEIVED.format(date="1 May 2024"),
        ),
        ({"subjects": [SubjectInput(name=" ")]}, "subjects", messages.NAME_REQUIRED),
        (
            {"subjects": [officer(charging_decision="charged")]},
            "subjects",
            messages.CHARGING_NEEDS_CPS.format(who="Alex Smith"),
        ),
        (
            {"subjects": [officer(allegations=[AllegationInput(description="")])]},
            "subjects",
            messages.ALLEGATION_REQUIRED.format(who="Alex Smith"),
        ),
        (
            {
                "subjects": [
                    officer(
                        allegations=[
                            AllegationInput(description="x", force_determination="misconduct")
                        ]
                    )
                ]
            },
            "subjects",
            messages.DETERMINATION_NEEDS_OPINION.format(who="Alex Smith"),
        ),
        ({"status": "completed"}, "completed_on", messages.COMPLETED_ON_REQUIRED),
    ],
)
def test_open_refuses_bad_input_and_saves_nothing(caseworker, referral, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        open_investigation(caseworker, referral, **overrides)
    assert error.value.message_dict[field] == [message]
    assert not Investigation.objects.exists()
    assert not Subject.objects.exists()
    assert not Allegation.objects.exists()


def test_a_person_serves_with_a_police_force_not_a_national_body(caseworker, referral):
    home_office = OrganisationFactory(name="Home Office", kind="national_body")
    with pytest.raises(ValidationError) as error:
        open_investigation(caseworker, referral, subjects=[officer(organisation=home_office)])
    assert error.value.message_dict["subjects"] == [messages.FORCE_REQUIRED]


def test_the_lead_investigator_must_be_casework_staff(caseworker, referral, herts):
    liaison = LiaisonFactory(organisation=herts)
    with pytest.raises(ValidationError) as error:
        open_investigation(caseworker, referral, lead_investigator=liaison)
    assert error.value.message_dict["lead_investigator"] == [messages.LEAD_NOT_STAFF]


def test_people_are_saved_with_the_investigation_or_not_at_all(caseworker, referral):
    """A problem with the second person leaves no investigation and no first person."""
    with pytest.raises(ValidationError) as error:
        open_investigation(
            caseworker,
            referral,
            subjects=[officer("Good Person"), officer("Bad Person", charging_decision="pending")],
        )
    assert error.value.message_dict["subjects"] == [
        messages.CHARGING_NEEDS_CPS.format(who="Bad Person")
    ]
    assert not Investigation.objects.exists()
    assert not Subject.objects.exists()


def test_open_and_complete_in_one_call_for_recording_a_past_case(caseworker, referral):
    investigation = open_investigation(
        caseworker,
        referral,
        subjects=[
            officer(
                allegations=[AllegationInput(description="x", investigator_opinion="misconduct")]
            )
        ],
        completed_on=D(2024, 6, 1),
    )
    assert investigation.status == "completed"
    assert investigation.completed_on == D(2024, 6, 1)
    assert investigation.within_6_months is True


# Lifecycle -----------------------------------------------------------------------------------


def change(actor, investigation, status, changed_on, **kwargs):
    return services.investigation_change_status(
        actor=actor,
        investigation=investigation,
        status=status,
        changed_on=changed_on,
        today=kwargs.pop("today", D(2025, 6, 1)),
        **kwargs,
    )


def test_an_investigation_moves_through_its_lifecycle(caseworker, manager):
    investigation = InvestigationFactory(started_on=D(2024, 5, 7))
    AllegationFactory(
        subject=SubjectFactory(investigation=investigation), investigator_opinion="misconduct"
    )
    change(caseworker, investigation, "under_investigation", D(2024, 5, 10))
    change(
        caseworker,
        investigation,
        "paused",
        D(2024, 7, 1),
        pause_reason="awaiting_criminal_proceedings",
        note="Trial listed for March",
    )
    investigation.refresh_from_db()
    assert investigation.pause_reason == "awaiting_criminal_proceedings"
    change(caseworker, investigation, "report_drafting", D(2025, 3, 20))
    done = change(manager, investigation, "completed", D(2025, 5, 7))
    assert done.status == "completed"
    assert done.completed_on == D(2025, 5, 7)
    assert done.pause_reason == ""
    assert done.within_6_months is False  # the pause did not stop the clock
    assert done.within_12_months is True
    assert [c.status for c in done.status_changes.all()] == [
        "started",
        "under_investigation",
        "paused",
        "report_drafting",
        "completed",
    ]
    assert done.status_changes.last().changed_by == manager


@pytest.mark.parametrize(
    ("factory", "status", "message"),
    [
        (
            PausedInvestigationFactory,
            "completed",
            messages.TRANSITION_NOT_ALLOWED.format(current="paused", new="completed"),
        ),
        (
            CompletedInvestigationFactory,
            "under_investigation",
            messages.TRANSITION_NOT_ALLOWED.format(current="completed", new="under investigation"),
        ),
        (
            UnderInvestigationFactory,
            "started",
            messages.TRANSITION_NOT_ALLOWED.format(current="under investigation", new="started"),
        ),
        (
            UnderInvestigationFactory,
            "under_investigation",
            messages.ALREADY_IN_STATUS.format(status="under investigation"),
        ),
        (InvestigationFactory, "closed", messages.STATUS_UNKNOWN.format(status="closed")),
    ],
)
def test_transitions_outside_the_lifecycle_are_refused(caseworker, factory, status, message):
    investigation = factory()
    version = investigation.version
    with pytest.raises(ValidationError) as error:
        change(caseworker, investigation, status, D(2025, 1, 1))
    assert error.value.message_dict["status"] == [message]
    investigation.refresh_from_db()
    assert investigation.version == version


def test_completion_needs_an_outcome_for_every_person(caseworker):
    investigation = UnderInvestigationFactory()
    able = SubjectFactory(investigation=investigation, name="Able", rank="PC", collar_number="")
    AllegationFactory(subject=able, investigator_opinion="no_case_to_answer")
    baker = SubjectFactory(investigation=investigation, name="Baker", rank="PS", collar_number="")
    AllegationFactory(subject=baker, investigator_opinion="")
    SubjectFactory(investigation=investigation, name="Cole", rank="", collar_number="")
    with pytest.raises(ValidationError) as error:
        change(caseworker, investigation, "completed", D(2024, 9, 1))
    assert error.value.message_dict["status"] == [
        messages.OUTCOMES_MISSING.format(names="PS Baker, Cole")
    ]
    investigation.refresh_from_db()
    assert investigation.status == "under_investigation"
    assert investigation.completed_on is None


def test_an_investigation_with_no_one_under_investigation_can_complete(caseworker):
    investigation = InvestigationFactory()
    assert change(caseworker, investigation, "completed", D(2024, 9, 1)).status == "completed"


@pytest.mark.parametrize(
    ("status", "changed_on", "field", "message"),
    [
        ("completed", None, "completed_on", messages.COMPLETED_ON_REQUIRED),
        ("completed", D(2025, 6, 2), "completed_on", messages.COMPLETED_IN_FUTURE),
        (
            "completed",
            D(2024, 5, 13),
            "completed_on",
            messages.COMPLETED_BEFORE_PREVIOUS.format(date="14 May 2024"),
        ),
        (
            "report_drafting",
            D(2024, 5, 13),
            "status_changed_on",
            messages.CHANGED_BEFORE_PREVIOUS.format(date="14 May 2024"),
        ),
        ("report_drafting", None, "status_changed_on", messages.CHANGED_ON_REQUIRED),
        ("paused", D(2024, 6, 1), "pause_reason", messages.PAUSE_REASON_REQUIRED),
    ],
)
def test_dates_cannot_go_backwards_or_into_the_future(
    caseworker, status, changed_on, field, message
):
    investigation = UnderInvestigationFactory(started_on=D(2024, 5, 7))  # changed 14 May
    with pytest.raises(ValidationError) as error:
        change(caseworker, investigation, status, changed_on)
    assert error.value.message_dict[field] == [message]


def test_a_status_change_on_the_same_day_as_the_last_is_allowed(caseworker):
    investigation = UnderInvestigationFactory(started_on=D(2024, 5, 7))
    assert change(caseworker, investigation, "report_drafting", D(2024, 5, 14)).status == (
        "report_drafting"
    )


def test_a_reason_is_only_for_a_pause(caseworker):
    investigation = UnderInvestigationFactory()
    with pytest.raises(ValidationError) as error:
        change(
            caseworker,
            investigation,
            "report_drafting",
            D(2024, 6, 1),
            pause_reason="awaiting_inquest",
        )
    assert error.value.message_dict["pause_reason"] == [messages.PAUSE_REASON_NOT_PAUSED]


def test_a_status_change_with_a_stale_version_is_refused(caseworker):
    investigation = UnderInvestigationFactory()
    with pytest.raises(ConflictError):
        change(caseworker, investigation, "report_drafting", D(2024, 6, 1), version=99)


# Editing -------------------------------------------------------------------------------------


def test_update_edits_details_themes_and_people_together(caseworker, manager):
    investigation = InvestigationFactory()
    kept = SubjectFactory(investigation=investigation, name="Kept")
    removed = SubjectFactory(investigation=investigation, name="Removed")
    AllegationFactory(subject=removed)
    taser = ThemeFactory(code="use_of_taser")
    updated = services.investigation_update(
        actor=manager,
        investigation=investigation,
        version=investigation.version,
        today=TODAY,
        is_major=True,
        themes=[taser],
        subjects=[SubjectInput(id=kept.pk, name="Kept Renamed"), officer("New Person")],
    )
    assert updated.version == investigation.version + 1
    assert updated.is_major is True
    assert list(updated.themes.all()) == [taser]
    assert sorted(updated.subjects.values_list("name", flat=True)) == [
        "Kept Renamed",
        "New Person",
    ]
    assert not Subject.objects.filter(pk=removed.pk).exists()
    assert not Allegation.objects.filter(subject_id=removed.pk).exists()
    assert updated.updated_by == manager


def test_update_with_a_bad_person_changes_nothing(caseworker):
    investigation = InvestigationFactory(is_major=False)
    kept = SubjectFactory(investigation=investigation, name="Kept")
    with pytest.raises(ValidationError):
        services.investigation_update(
            actor=caseworker,
            investigation=investigation,
            version=investigation.version,
            today=TODAY,
            is_major=True,
            subjects=[SubjectInput(id=kept.pk, name="")],
        )
    investigation.refresh_from_db()
    kept.refresh_from_db()
    assert (investigation.is_major, kept.name) == (False, "Kept")


def test_a_person_from_another_investigation_cannot_be_changed(caseworker):
    investigation = InvestigationFactory()
    other = SubjectFactory()
    with pytest.raises(ValidationError) as error:
        services.investigation_update(
            actor=caseworker,
            investigation=investigation,
            version=investigation.version,
            today=TODAY,
            subjects=[SubjectInput(id=other.pk, name="Hijack")],
        )
    assert error.value.message_dict["subjects"] == [messages.UNKNOWN_SUBJECT.format(id=other.pk)]
    other.refresh_from_db()
    assert other.name != "Hijack"


def test_the_start_date_cannot_move_past_the_next_status_change(caseworker):
    investigation = UnderInvestigationFactory(started_on=D(2024, 5, 7))  # changed 14 May
    with pytest.raises(ValidationError) as error:
        services.investigation_update(
            actor=caseworker,
            investigation=investigation,
            version=investigation.version,
            today=TODAY,
            started_on=D(2024, 5, 15),
        )
    assert error.value.message_dict["started_on"] == [
        messages.STARTED_AFTER_CHANGE.format(date="14 May 2024")
    ]
    moved = services.investigation_update(
        actor=caseworker,
        investigation=investigation,
        version=investigation.version,
        today=TODAY,
        started_on=D(2024, 5, 9),
    )
    assert moved.status_changes.first().changed_on == D(2024, 5, 9)
    assert moved.status_changed_on == D(2024, 5, 14)


def test_changing_the_date_of_attention_moves_the_next_notice(caseworker):
    investigation = InvestigationFactory(started_on=D(2024, 5, 7))
    updated = services.investigation_update(
        actor=caseworker,
        investigation=investigation,
        version=investigation.version,
        today=TODAY,
        first_aware_on=D(2024, 1, 31),
    )
    assert updated.next_notice_due_on == D(2025, 1, 31)


def test_correcting_the_completion_date(caseworker):
    investigation = CompletedInvestigationFactory(started_on=D(2024, 5, 7))  # 7 October
    updated = services.investigation_update(
        actor=caseworker,
        investigation=investigation,
        version=investigation.version,
        today=D(2025, 1, 1),
        completed_on=D(2024, 11, 8),
    )
    assert updated.completed_on == D(2024, 11, 8)
    assert updated.within_6_months is False
    assert updated.status_changes.last().changed_on == D(2024, 11, 8)
    with pytest.raises(ValidationError) as error:
        services.investigation_update(
            actor=caseworker,
            investigation=updated,
            version=updated.version,
            today=D(2025, 1, 1),
            completed_on=D(2024, 5, 6),
        )
    assert error.value.message_dict["completed_on"] == [
        messages.COMPLETED_BEFORE_PREVIOUS.format(date="7 May 2024")
    ]


def test_a_completed_investigation_keeps_an_outcome_for_every_person(caseworker):
    investigation = CompletedInvestigationFactory()
    person = SubjectFactory(investigation=investigation)
    allegation = AllegationFactory(subject=person, investigator_opinion="misconduct")
    # The force's determination and the disciplinary result come after completion.
    saved = services.investigation_subject_save(
        actor=caseworker,
        investigation=investigation,
        version=investigation.version,
        subject=SubjectInput(
            id=person.pk,
            disciplinary_result="written_warning",
            allegations=[AllegationInput(id=allegation.pk, force_determination="misconduct")],
        ),
    )
    assert saved.disciplinary_result == "written_warning"
    allegation.refresh_from_db()
    assert (allegation.investigator_opinion, allegation.force_determination) == (
        "misconduct",
        "misconduct",
    )
    investigation.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.investigation_subject_save(
            actor=caseworker,
            investigation=investigation,
            version=investigation.version,
            subject=SubjectInput(id=person.pk, allegations=[]),
        )
    assert "subjects" in error.value.message_dict
    assert Allegation.objects.filter(pk=allegation.pk).exists()


def test_subject_save_adds_and_remove_takes_off_a_person(caseworker):
    investigation = InvestigationFactory()
    person = services.investigation_subject_save(
        actor=caseworker,
        investigation=investigation,
        version=investigation.version,
        subject=officer(
            referred_to_cps=True,
            charging_decision="pending",
            allegations=[
                AllegationInput(description="Assault", investigator_opinion="misconduct")
            ],
        ),
    )
    assert person.outcome == "misconduct"
    investigation.refresh_from_db()
    services.investigation_subject_remove(
        actor=caseworker,
        investigation=investigation,
        version=investigation.version,
        subject_id=person.pk,
    )
    assert not investigation.subjects.exists()


def test_a_stale_edit_is_refused(caseworker, manager):
    investigation = InvestigationFactory(is_major=False)
    services.investigation_update(
        actor=caseworker, investigation=investigation, version=1, today=TODAY, is_major=True
    )
    with pytest.raises(ConflictError):
        services.investigation_update(
            actor=manager, investigation=investigation, version=1, today=TODAY, is_major=False
        )
    with pytest.raises(ConflictError):
        services.investigation_subject_save(
            actor=manager, investigation=investigation, version=1, subject=officer()
        )
    investigation.refresh_from_db()
    assert investigation.is_major is True
    assert not investigation.subjects.exists()


# Statutory notices ---------------------------------------------------------------------------


def test_recording_notices_moves_the_next_one_due(caseworker):
    investigation = InvestigationFactory(first_aware_on=D(2023, 3, 10), started_on=D(2023, 4, 3))
    assert investigation.next_notice_due_on == D(2024, 3, 10)
    services.investigation_notice_record(
        actor=caseworker,
        investigation=investigation,
        version=investigation.version,
        due_on=D(2024, 3, 10),
        action="given",
        actioned_on=D(2024, 3, 12),
        today=D(2024, 10, 1),
        **CONTENTS,
    )
    investigation.refresh_from_db()
    assert investigation.next_notice_due_on == D(2024, 9, 10)
    services.investigation_notice_record(
        actor=caseworker,
        investigation=investigation,
        version=None,
        due_on=D(2024, 9, 10),
        action="withheld",
        actioned_on=D(2024, 9, 10),
        note="Might prejudice the criminal investigation",
        today=D(2024, 10, 1),
    )
    investigation.refresh_from_db()
    assert investigation.next_notice_due_on == D(2025, 3, 10)
    assert StatutoryNotice.objects.filter(investigation=investigation).count() == 2


@pytest.mark.parametrize(
    ("due_on", "actioned_on", "field", "message"),
    [
        (
            D(2024, 3, 11),
            D(2024, 3, 12),
            "due_on",
            messages.NOTICE_NOT_A_DUE_DATE.format(due="11 March 2024"),
        ),
        (
            D(2024, 9, 10),
            D(2024, 9, 10),
            "due_on",
            messages.NOTICE_NOT_YET_DUE.format(due="10 September 2024"),
        ),
        (
            D(2024, 3, 10),
            D(2024, 3, 9),
            "actioned_on",
            messages.NOTICE_BEFORE_DUE.format(date="10 March 2024"),
        ),
        (D(2024, 3, 10), D(2024, 6, 2), "actioned_on", messages.NOTICE_IN_FUTURE),
    ],
)
def test_bad_notices_are_refused(caseworker, due_on, actioned_on, field, message):
    investigation = InvestigationFactory(first_aware_on=D(2023, 3, 10), started_on=D(2023, 4, 3))
    with pytest.raises(ValidationError) as error:
        services.investigation_notice_record(
            actor=caseworker,
            investigation=investigation,
            version=None,
            due_on=due_on,
            action="given",
            actioned_on=actioned_on,
            today=D(2024, 6, 1),
        )
    assert error.value.message_dict[field] == [message]
    assert not StatutoryNotice.objects.exists()


def test_a_notice_needs_the_date_of_attention_and_is_recorded_once(caseworker):
    unknown = InvestigationFactory(first_aware_on=None, next_notice_due_on=None)
    with pytest.raises(ValidationError) as error:
        services.investigation_notice_record(
            actor=caseworker,
            investigation=unknown,
            version=None,
            due_on=D(2024, 3, 10),
            action="given",
            actioned_on=D(2024, 3, 10),
            today=D(2024, 6, 1),
        )
    assert error.value.message_dict["due_on"] == [messages.NOTICE_NEEDS_AWARE_DATE]
    known = InvestigationFactory(first_aware_on=D(2023, 3, 10), started_on=D(2023, 4, 3))
    kwargs = {
        "actor": caseworker,
        "investigation": known,
        "version": None,
        "due_on": D(2024, 3, 10),
        "action": "given",
        "actioned_on": D(2024, 3, 10),
        "today": D(2024, 6, 1),
        **CONTENTS,
    }
    services.investigation_notice_record(**kwargs)
    with pytest.raises(ValidationError) as error:
        services.investigation_notice_record(**kwargs)
    assert error.value.message_dict["due_on"] == [
        messages.NOTICE_ALREADY_RECORDED.format(due="10 March 2024")
    ]


# History -------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_history_shows_who_did_what_including_removals(caseworker, manager, herts):
    from cases.investigations.selectors import investigation_history

    referral = DecidedReferralFactory(organisation=herts, received_on=D(2024, 5, 1))
    ThemeFactory(code="mental_health")
    investigation = open_investigation(
        caseworker,
        referral,
        subjects=[officer(allegations=[AllegationInput(description="Used force")])],
    )
    person = investigation.subjects.get()
    services.investigation_update(
        actor=manager,
        investigation=investigation,
        version=investigation.version,
        today=TODAY,
        is_major=True,
        subjects=[],
    )
    entries = investigation_history(investigation=investigation)
    whats = [(e.who, e.what) for e in entries]
    assert (caseworker.display_name, "Investigation recorded") in whats
    assert (caseworker.display_name, "Person serving with the police recorded") in whats
    assert (caseworker.display_name, "Allegation recorded") in whats
    assert (caseworker.display_name, "Status change recorded") in whats
    assert (manager.display_name, "Person serving with the police removed") in whats
    changed = next(e for e in entries if e.what == "Investigation changed")
    assert ("Major investigation", "No", "Yes") in [
        (c.field, c.old, c.new) for c in changed.changes
    ]
    removal = next(e for e in entries if e.what.endswith("removed") and "Person" in e.what)
    assert removal.changes[0].old == person.name


# Concurrency on PostgreSQL -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_caseworkers_saving_at_once_the_second_is_refused(caseworker, manager):
    """Both read version 1 and save at the same moment: one wins, the other gets a conflict,
    and the winner's change is the one kept (no silent overwrite)."""
    investigation = InvestigationFactory()
    barrier = threading.Barrier(2)
    outcomes = {}

    def save(actor, name):
        close_old_connections()
        try:
            barrier.wait(5)
            services.investigation_update(
                actor=actor,
                investigation=investigation,
                version=1,
                today=TODAY,
                subjects=[officer(name)],
            )
            outcomes[name] = "saved"
        except ConflictError:
            outcomes[name] = "refused"
        except Exception as error:  # surfaced by the assertion below
            outcomes[name] = repr(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(caseworker, "Casey's person")),
        threading.Thread(target=save, args=(manager, "Morgan's person")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(outcomes.values()) == ["refused", "saved"], outcomes
    winner = next(name for name, result in outcomes.items() if result == "saved")
    investigation.refresh_from_db()
    assert investigation.version == 2
    assert list(investigation.subjects.values_list("name", flat=True)) == [winner]
    assert StatusChange.objects.filter(investigation=investigation).count() == 1


def test_consequences_follow_no_case_to_answer_only(caseworker, referral):
    with pytest.raises(ValidationError) as error:
        open_investigation(
            caseworker,
            referral,
            subjects=[
                officer(
                    allegations=[
                        AllegationInput(
                            description="x",
                            investigator_opinion="misconduct",
                            investigator_consequence="reflective_practice",
                        )
                    ]
                )
            ],
        )
    assert error.value.message_dict["subjects"] == [
        messages.CONSEQUENCE_NEEDS_NO_CASE.format(who="Alex Smith")
    ]
    assert not Investigation.objects.exists()
    investigation = open_investigation(
        caseworker,
        referral,
        subjects=[
            officer(
                disciplinary_result="reduction_in_rank",
                advisory_list=True,
                allegations=[
                    AllegationInput(
                        description="x",
                        investigator_opinion="no_case_to_answer",
                        investigator_consequence="unsatisfactory_performance",
                        force_determination="no_case_to_answer",
                        force_consequence="reflective_practice",
                    )
                ],
            )
        ],
    )
    [subject] = investigation.subjects.all()
    assert (subject.disciplinary_result, subject.advisory_list) == ("reduction_in_rank", True)
    [allegation] = subject.allegations.all()
    assert (allegation.investigator_consequence, allegation.force_consequence) == (
        "unsatisfactory_performance",
        "reflective_practice",
    )


def test_twelve_month_notice_is_owed_to_the_local_policing_body_and_chief_officer(caseworker):
    investigation = InvestigationFactory(first_aware_on=D(2023, 3, 10), started_on=D(2023, 4, 3))
    kwargs = {
        "actor": caseworker,
        "investigation": investigation,
        "version": None,
        "due_on": D(2024, 3, 10),
        "action": "given",
        "actioned_on": D(2024, 3, 11),
        "today": D(2024, 6, 1),
    }
    with pytest.raises(ValidationError) as error:
        services.investigation_notice_record(**kwargs, progress="Statements taken.")
    assert error.value.message_dict == {
        name: [messages.NOTICE_CONTENT_REQUIRED[name]]
        for name in ("estimated_completion_on", "delay_reasons", "planned_steps")
    }
    assert not investigation.notices.exists()
    notice = services.investigation_notice_record(
        **kwargs, **CONTENTS, chief_officer_under_investigation=True
    )
    assert notice.recipients == ["local_policing_body"]  # not the chief officer (reg. 13(2)(b))
    assert notice.progress == "Statements taken."
