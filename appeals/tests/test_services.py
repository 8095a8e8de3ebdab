import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from appeals import selectors, services
from appeals.models import Application, Status
from appeals.services import messages
from appeals.tests.factories import (
    AppealFactory,
    ApplicationFactory,
    DecidedApplicationFactory,
    ForwardedApplicationFactory,
    InvalidApplicationFactory,
    LateApplicationFactory,
    ValidApplicationFactory,
)
from oversight.core.errors import ConflictError
from oversight.tests.factories import OrganisationFactory

D = dt.date
pytestmark = pytest.mark.django_db


def create(caseworker, herts, today, **overrides):
    data = {
        "actor": caseworker,
        "organisation": herts,
        "complaint_made_on": D(2024, 1, 15),
        "outcome_notified_on": D(2024, 5, 10),
        "received_on": D(2024, 5, 20),
        "subject": "investigation_outcome",
        "referred_or_should_have_been": True,
        "today": today,
    }
    return services.application_create(**{**data, **overrides})


PCC, COLLEGE = "<the local policing body>", "<a national body>"


def resolve(values: dict, pcc) -> dict:
    """Parameters name organisations by placeholder; the fixtures give them."""
    bodies = {
        PCC: pcc,
        COLLEGE: OrganisationFactory(name="College of Policing", kind="national_body"),
    }
    return {
        name: bodies.get(value, value) if isinstance(value, str) else value
        for name, value in values.items()
    }


def judge(actor, application, today, **overrides):
    data = {"is_valid": True, "judged_on": today, "today": today, **overrides}
    return services.application_judge(actor=actor, application=application, **data)


def decide(actor, application, today, **overrides):
    data = {"result": "not_upheld", "decided_on": today, "today": today, **overrides}
    return services.application_decide(actor=actor, application=application, **data)


def test_create_derives_kind_reference_deadline_and_review_body(caseworker, herts, today):
    application = create(caseworker, herts, today)
    assert application.reference == "REV-2024-000001"
    assert application.kind == "review"
    assert application.apply_by == D(2024, 6, 7)
    assert application.made_in_time is True
    assert application.review_body == "oversight_body"
    assert application.status == Status.RECEIVED
    assert application.is_valid is None
    assert (application.created_by, application.updated_by) == (caseworker, caseworker)
    assert create(caseworker, herts, today).reference == "REV-2024-000002"


def test_reference_year_is_the_year_received(caseworker, herts):
    application = create(
        caseworker,
        herts,
        D(2025, 1, 10),
        outcome_notified_on=D(2024, 12, 20),
        received_on=D(2025, 1, 6),
    )
    assert application.reference == "REV-2025-000001"


def test_appeal_when_complaint_made_on_31_january_2020(caseworker, herts, today):
    application = create(caseworker, herts, today, complaint_made_on=D(2020, 1, 31))
    assert (application.kind, application.reference) == ("appeal", "APP-2024-000001")


def test_review_when_complaint_made_on_1_february_2020(caseworker, herts, today):
    application = create(caseworker, herts, today, complaint_made_on=D(2020, 2, 1))
    assert (application.kind, application.reference) == ("review", "REV-2024-000001")


@pytest.mark.parametrize(
    ("notified", "received", "in_time"),
    [
        (D(2024, 5, 10), D(2024, 6, 7), True),
        (D(2024, 5, 10), D(2024, 6, 8), False),
        (D(2024, 1, 31), D(2024, 2, 28), True),  # across a month end
        (D(2024, 1, 31), D(2024, 2, 29), False),
    ],
)
def test_made_in_time_on_both_sides_of_the_28th_day(
    caseworker, herts, notified, received, in_time
):
    application = create(
        caseworker,
        herts,
        D(2024, 7, 1),
        complaint_made_on=D(2023, 11, 1),
        outcome_notified_on=notified,
        received_on=received,
    )
    assert application.made_in_time is in_time
    in_sql = Application.objects.filter(selectors.made_in_time_q(), pk=application.pk).exists()
    assert in_sql is in_time


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"received_on": D(2024, 6, 4)}, "received_on", messages.RECEIVED_IN_FUTURE),
        ({"received_on": D(2024, 5, 9)}, "received_on", messages.RECEIVED_BEFORE_NOTIFIED),
        (
            {"complaint_made_on": D(2024, 5, 11)},
            "outcome_notified_on",
            messages.NOTIFIED_BEFORE_COMPLAINT,
        ),
        ({"subject": "non_recording"}, "subject", messages.NON_RECORDING_NOT_REVIEWABLE),
        ({"subject": "nonsense"}, "subject", "“nonsense” is not one of the choices."),
        (
            {"is_valid": True, "outcome_notified_on": D(2024, 4, 1)},
            "special_circumstances",
            messages.LATE_NEEDS_SPECIAL_CIRCUMSTANCES,
        ),
        ({"is_valid": False}, "invalid_reason", messages.INVALID_REASON_REQUIRED),
        (
            {"is_valid": True, "result": "upheld", "decided_on": D(2024, 6, 1)},
            "follow_up",
            messages.FOLLOW_UP_REQUIRED,
        ),
        (
            {"forwarded_to": PCC, "forwarded_on": D(2024, 5, 21)},
            None,
            messages.FORWARD_NOT_NEEDED,
        ),
        (
            {"first_received_on": D(2024, 5, 18)},
            "first_received_by",
            messages.FIRST_RECEIVED_BY_REQUIRED,
        ),
        ({"first_received_by": PCC}, "first_received_on", messages.FIRST_RECEIVED_ON_REQUIRED),
        (
            {"first_received_by": PCC, "first_received_on": D(2024, 5, 21)},
            "first_received_on",
            messages.FIRST_RECEIVED_AFTER_RECEIVED.format(date="20 May 2024"),
        ),
        (
            {"first_received_by": PCC, "first_received_on": D(2024, 5, 9)},
            "first_received_on",
            messages.FIRST_RECEIVED_BEFORE_NOTIFIED.format(date="10 May 2024"),
        ),
        (
            {
                "first_received_by": PCC,
                "first_received_on": D(2024, 6, 4),
                "received_on": D(2024, 6, 4),
            },
            "first_received_on",
            messages.FIRST_RECEIVED_IN_FUTURE,
        ),
        (
            {"first_received_by": COLLEGE, "first_received_on": D(2024, 5, 18)},
            "first_received_by",
            messages.FIRST_RECEIVED_BY_NOT_POLICING_BODY,
        ),
    ],
)
def test_create_refuses_bad_input_and_saves_nothing(
    caseworker, herts, herts_pcc, today, overrides, field, message
):
    overrides = resolve(overrides, herts_pcc)
    with pytest.raises(ValidationError) as error:
        create(caseworker, herts, today, **overrides)
    if field:
        assert error.value.message_dict[field] == [message]
    else:
        assert error.value.messages == [message]
    assert not Application.objects.exists()


def test_non_recording_can_be_appealed_before_2020(caseworker, herts, today):
    application = create(
        caseworker, herts, today, complaint_made_on=D(2019, 5, 1), subject="non_recording"
    )
    assert application.kind == "appeal"


def test_create_with_judgement_and_decision_for_past_cases(caseworker, herts, today):
    application = create(
        caseworker,
        herts,
        today,
        is_valid=True,
        result="upheld",
        decided_on=D(2024, 6, 1),
        follow_up=["reinvestigation"],
    )
    assert application.status == Status.DECIDED
    assert application.judged_on == D(2024, 6, 1)
    assert application.upheld is True


# Relevant review body and forwarding


def test_application_for_the_local_policing_body_is_forwarded_never_rejected(
    caseworker, herts, herts_pcc, today
):
    application = create(caseworker, herts, today, referred_or_should_have_been=False)
    assert application.review_body == "local_policing_body"
    with pytest.raises(ValidationError) as error:
        judge(caseworker, application, today, is_valid=False, invalid_reason="other")
    assert error.value.messages == [
        messages.NOT_OUR_APPLICATION.format(body="the local policing body")
    ]
    services.application_forward(
        actor=caseworker,
        application=application,
        forwarded_to=herts_pcc,
        forwarded_on=D(2024, 5, 22),
        today=today,
    )
    application.refresh_from_db()
    assert application.status == Status.FORWARDED
    assert application.is_valid is None
    assert (application.forwarded_to, application.forwarded_on) == (herts_pcc, D(2024, 5, 22))
    assert application.forwarded_to_label == "Police and Crime Commissioner for Hertfordshire"


def test_a_review_is_forwarded_to_the_local_policing_body_of_the_forces_area(
    caseworker, herts_pcc, today
):
    essex_pfcc = OrganisationFactory(
        name="Police, Fire and Crime Commissioner for Essex", kind="local_policing_body"
    )
    application = ApplicationFactory(referred_or_should_have_been=False)
    with pytest.raises(ValidationError) as error:
        services.application_forward(
            actor=caseworker,
            application=application,
            forwarded_to=essex_pfcc,
            forwarded_on=today,
            today=today,
        )
    assert error.value.message_dict["forwarded_to"] == [
        messages.FORWARDED_TO_WRONG_LOCAL_POLICING_BODY.format(
            force="Hertfordshire Constabulary",
            body="Police and Crime Commissioner for Hertfordshire",
        )
    ]


def test_an_appeal_for_the_chief_officer_is_forwarded_to_the_force(
    caseworker, herts, herts_pcc, today
):
    application = AppealFactory(referred_or_should_have_been=False)
    assert application.review_body == "chief_officer"
    with pytest.raises(ValidationError) as error:
        services.application_forward(
            actor=caseworker,
            application=application,
            forwarded_to=herts_pcc,
            forwarded_on=today,
            today=today,
        )
    assert error.value.message_dict["forwarded_to"] == [
        messages.FORWARDED_TO_CHIEF_OFFICER.format(force="Hertfordshire Constabulary")
    ]
    services.application_forward(
        actor=caseworker,
        application=application,
        forwarded_to=herts,
        forwarded_on=today,
        today=today,
    )
    application.refresh_from_db()
    assert (application.status, application.forwarded_to) == (Status.FORWARDED, herts)


# Forwarded to us: the time at the body it was first made to is disregarded


@pytest.mark.parametrize(
    ("first_received_on", "in_time"),
    [
        (D(2024, 4, 29), True),  # the 28th day after notification: in time
        (D(2024, 4, 30), False),  # the 29th day: late even so
    ],
)
def test_time_at_the_wrong_body_before_forwarding_is_disregarded(
    caseworker, herts, herts_pcc, first_received_on, in_time
):
    """Told the outcome on 1 April 2024, the last day is 29 April; received here on 2 May,
    after the PCC forwarded it: what counts is the day the PCC received it."""
    today = D(2024, 6, 3)
    application = create(
        caseworker,
        herts,
        today,
        outcome_notified_on=D(2024, 4, 1),
        received_on=D(2024, 5, 2),
        first_received_by=herts_pcc,
        first_received_on=first_received_on,
    )
    assert application.first_received_by == herts_pcc
    assert application.made_on == first_received_on
    assert application.made_in_time is in_time
    in_sql = Application.objects.filter(selectors.made_in_time_q(), pk=application.pk).exists()
    assert in_sql is in_time
    if in_time:
        # An otherwise late application: valid with no special circumstances to record.
        judged = judge(caseworker, application, today)
        assert judged.status == Status.VALID
    else:
        with pytest.raises(ValidationError) as error:
            judge(caseworker, application, today)
        assert error.value.message_dict["special_circumstances"] == [
            messages.LATE_NEEDS_SPECIAL_CIRCUMSTANCES
        ]


def test_an_edit_records_the_body_an_application_was_first_made_to(caseworker, herts_pcc, today):
    application = LateApplicationFactory()
    assert not application.made_in_time
    updated = services.application_update(
        actor=caseworker,
        application=application,
        version=application.version,
        today=today,
        first_received_by=herts_pcc,
        first_received_on=application.apply_by,
    )
    assert updated.made_in_time
    updated.refresh_from_db()
    assert (updated.first_received_by, updated.first_received_on) == (
        herts_pcc,
        updated.apply_by,
    )


def test_the_database_refuses_a_first_receipt_without_its_body_or_after_ours(herts_pcc):
    application = ApplicationFactory()
    for values in (
        {"first_received_on": application.received_on},
        {"first_received_by_id": herts_pcc.pk},
        {
            "first_received_by_id": herts_pcc.pk,
            "first_received_on": application.received_on + dt.timedelta(days=1),
        },
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Application.objects.filter(pk=application.pk).update(**values)


def test_an_appeal_not_for_the_oversight_body_went_to_the_chief_officer(caseworker, herts, today):
    application = create(
        caseworker,
        herts,
        today,
        complaint_made_on=D(2019, 5, 1),
        referred_or_should_have_been=False,
    )
    assert application.review_body == "chief_officer"


@pytest.mark.parametrize(
    ("to", "on", "field", "message"),
    [
        (None, D(2024, 5, 22), "forwarded_to", messages.FORWARDED_TO_REQUIRED),
        (PCC, None, "forwarded_on", messages.FORWARDED_ON_REQUIRED),
        (PCC, D(2024, 6, 4), "forwarded_on", messages.FORWARDED_IN_FUTURE),
        (PCC, D(2024, 5, 19), "forwarded_on", messages.FORWARDED_BEFORE_RECEIVED),
        (COLLEGE, D(2024, 5, 22), "forwarded_to", messages.FORWARDED_TO_LOCAL_POLICING_BODY),
    ],
)
def test_forward_refuses_bad_input(caseworker, herts_pcc, today, to, on, field, message):
    application = ApplicationFactory(referred_or_should_have_been=False)
    with pytest.raises(ValidationError) as error:
        services.application_forward(
            actor=caseworker,
            application=application,
            forwarded_to=resolve({"to": to}, herts_pcc)["to"],
            forwarded_on=on,
            today=today,
        )
    assert error.value.message_dict[field] == [message]
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_the_oversight_body_does_not_forward_its_own_applications(caseworker, herts_pcc, today):
    application = ApplicationFactory()
    with pytest.raises(ValidationError) as error:
        services.application_forward(
            actor=caseworker,
            application=application,
            forwarded_to=herts_pcc,
            forwarded_on=today,
            today=today,
        )
    assert error.value.messages == [messages.FORWARD_NOT_NEEDED]


def test_a_forwarded_application_is_neither_forwarded_again_nor_decided(
    caseworker, herts_pcc, today
):
    application = ForwardedApplicationFactory()
    with pytest.raises(ValidationError):
        services.application_forward(
            actor=caseworker,
            application=application,
            forwarded_to=herts_pcc,
            forwarded_on=today,
            today=today,
        )
    with pytest.raises(ValidationError):
        decide(caseworker, application, today)


# Validity


def test_judge_valid_in_time(caseworker, today):
    application = ApplicationFactory()
    judged = judge(caseworker, application, today)
    assert (judged.status, judged.is_valid, judged.judged_by) == ("valid", True, caseworker)
    assert judged.version == application.version + 1


def test_a_late_application_needs_special_circumstances_to_be_valid(caseworker, today):
    application = LateApplicationFactory()
    with pytest.raises(ValidationError) as error:
        judge(caseworker, application, today)
    assert error.value.message_dict == {
        "special_circumstances": [messages.LATE_NEEDS_SPECIAL_CIRCUMSTANCES]
    }
    application.refresh_from_db()
    assert application.is_valid is None

    judged = judge(
        caseworker, application, today, special_circumstances="In hospital for three weeks."
    )
    assert judged.is_valid is True
    assert judged.made_in_time is False
    assert judged.special_circumstances == "In hospital for three weeks."


def test_a_late_application_can_be_judged_invalid_out_of_time(caseworker, today):
    judged = judge(
        caseworker, LateApplicationFactory(), today, is_valid=False, invalid_reason="out_of_time"
    )
    assert (judged.status, judged.is_valid, judged.invalid_reason) == (
        "invalid",
        False,
        "out_of_time",
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"is_valid": None}, "is_valid", messages.VALIDITY_REQUIRED),
        ({"is_valid": False}, "invalid_reason", messages.INVALID_REASON_REQUIRED),
        ({"invalid_reason": "other"}, "invalid_reason", messages.NO_REASON_WHEN_VALID),
        (
            {"is_valid": False, "invalid_reason": "other"},
            "validity_notes",
            messages.OTHER_REASON_NEEDS_NOTES,
        ),
        (
            {"is_valid": False, "invalid_reason": "nonsense"},
            "invalid_reason",
            "“nonsense” is not one of the choices.",
        ),
        ({"judged_on": None}, "judged_on", messages.JUDGED_ON_REQUIRED),
        ({"judged_on": D(2024, 6, 4)}, "judged_on", messages.JUDGED_IN_FUTURE),
        ({"judged_on": D(2024, 5, 19)}, "judged_on", messages.JUDGED_BEFORE_RECEIVED),
    ],
)
def test_judge_refuses_bad_input(caseworker, today, overrides, field, message):
    application = ApplicationFactory()
    with pytest.raises(ValidationError) as error:
        judge(caseworker, application, today, **overrides)
    assert error.value.message_dict[field] == [message]
    application.refresh_from_db()
    assert (application.status, application.version) == ("received", 1)


def test_an_application_by_someone_without_consent_cannot_be_valid(caseworker, today):
    application = ApplicationFactory(applicant="someone_else")
    with pytest.raises(ValidationError) as error:
        judge(caseworker, application, today)
    assert error.value.message_dict == {"applicant": [messages.APPLICANT_NOT_ENTITLED]}
    judged = judge(
        caseworker, application, today, is_valid=False, invalid_reason="not_complainant"
    )
    assert judged.invalid_reason == "not_complainant"


def test_validity_can_be_judged_again_until_decided(caseworker, manager, today):
    application = InvalidApplicationFactory(invalid_reason="missing_information")
    judged = judge(
        manager, application, today, special_circumstances="Information arrived; was unwell."
    )
    assert (judged.status, judged.invalid_reason, judged.judged_by) == ("valid", "", manager)


def test_validity_cannot_change_after_the_decision(caseworker, today):
    application = DecidedApplicationFactory()
    with pytest.raises(ValidationError) as error:
        judge(caseworker, application, today, is_valid=False, invalid_reason="other")
    assert error.value.messages == [messages.JUDGED_AFTER_DECISION]


# Decision


def test_decide_a_valid_review_upheld_with_follow_up(caseworker, manager, today):
    application = ValidApplicationFactory()
    decided = decide(
        manager,
        application,
        today,
        result="upheld",
        follow_up=["recommendation_to_force", "reinvestigation", "reinvestigation"],
        decision_reasons="The force did not consider the body-worn video.",
    )
    assert decided.status == Status.DECIDED
    assert (decided.decided_on, decided.decided_by) == (today, manager)
    assert decided.follow_up == ["recommendation_to_force", "reinvestigation"]
    assert decided.upheld is True
    assert decided.result_label == "Not reasonable and proportionate (upheld)"


def test_decide_an_appeal_not_upheld(caseworker, today):
    decided = decide(caseworker, ValidApplicationFactory(complaint_made_on=D(2019, 6, 1)), today)
    assert decided.kind == "appeal"
    assert decided.result_label == "Not upheld"
    assert decided.upheld is False


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"result": ""}, "result", messages.RESULT_REQUIRED),
        ({"result": "maybe"}, "result", "“maybe” is not one of the choices."),
        ({"result": "upheld"}, "follow_up", messages.FOLLOW_UP_REQUIRED),
        ({"follow_up": ["reinvestigation"]}, "follow_up", messages.FOLLOW_UP_ONLY_WHEN_UPHELD),
        (
            {"result": "upheld", "follow_up": ["nonsense"]},
            "follow_up",
            "“nonsense” is not one of the choices.",
        ),
        ({"decided_on": None}, "decided_on", messages.DECIDED_ON_REQUIRED),
        ({"decided_on": D(2024, 6, 4)}, "decided_on", messages.DECIDED_IN_FUTURE),
        (
            {"decided_on": D(2024, 5, 22)},
            "decided_on",
            messages.DECIDED_BEFORE_JUDGED.format(date="23 May 2024"),
        ),
    ],
)
def test_decide_refuses_bad_input(caseworker, today, overrides, field, message):
    application = ValidApplicationFactory()  # received 20 May, judged 23 May 2024
    with pytest.raises(ValidationError) as error:
        decide(caseworker, application, today, **overrides)
    assert error.value.message_dict[field] == [message]
    application.refresh_from_db()
    assert (application.status, application.decided_on, application.result) == ("valid", None, "")


def test_deciding_an_invalid_application_is_refused(caseworker, today):
    application = InvalidApplicationFactory()
    with pytest.raises(ValidationError) as error:
        decide(caseworker, application, today)
    assert error.value.messages == [messages.DECIDE_INVALID]
    application.refresh_from_db()
    assert (application.status, application.decided_on) == ("invalid", None)


def test_deciding_before_judging_is_refused(caseworker, today):
    with pytest.raises(ValidationError) as error:
        decide(caseworker, ApplicationFactory(), today)
    assert error.value.messages == [messages.NOT_JUDGED]


def test_deciding_twice_is_refused_and_the_first_decision_stands(caseworker, manager, today):
    application = DecidedApplicationFactory()
    first = (application.result, application.decided_on, application.decided_by)
    with pytest.raises(ValidationError) as error:
        decide(manager, application, today, result="upheld", follow_up=["reinvestigation"])
    assert error.value.messages == [
        messages.ALREADY_DECIDED.format(decided=f"{application.decided_on:%-d %B %Y}")
    ]
    application.refresh_from_db()
    assert (application.result, application.decided_on, application.decided_by) == first


# Concurrency and edits


def test_a_stale_version_is_refused_on_every_write(caseworker, today):
    application = ApplicationFactory()
    judge(caseworker, application, today, version=1)
    with pytest.raises(ConflictError):
        judge(caseworker, application, today, version=1)
    with pytest.raises(ConflictError):
        decide(caseworker, application, today, version=1)
    with pytest.raises(ConflictError):
        services.application_update(
            actor=caseworker, application=application, version=1, today=today, summary="x"
        )
    application.refresh_from_db()
    assert (application.version, application.status) == (2, "valid")


def test_update_rederives_and_gives_a_new_reference_when_the_kind_changes(
    caseworker, herts, today
):
    application = create(caseworker, herts, today)
    updated = services.application_update(
        actor=caseworker,
        application=application,
        version=application.version,
        today=today,
        complaint_made_on=D(2020, 1, 31),
        outcome_notified_on=D(2024, 5, 1),
    )
    assert (updated.kind, updated.reference) == ("appeal", "APP-2024-000001")
    assert updated.apply_by == D(2024, 5, 29)
    assert updated.made_in_time is True


def test_the_kind_of_a_decided_application_cannot_change(caseworker, today):
    application = DecidedApplicationFactory()
    with pytest.raises(ValidationError) as error:
        services.application_update(
            actor=caseworker,
            application=application,
            version=application.version,
            today=today,
            complaint_made_on=D(2019, 1, 1),
        )
    assert error.value.message_dict["complaint_made_on"] == [
        messages.KIND_FIXED_AFTER_DECISION.format(kind="a review")
    ]
    application.refresh_from_db()
    assert (application.kind, application.complaint_made_on) == ("review", D(2024, 1, 15))


def test_an_edit_cannot_make_an_accepted_application_late(caseworker, today):
    application = ValidApplicationFactory()
    with pytest.raises(ValidationError) as error:
        services.application_update(
            actor=caseworker,
            application=application,
            version=application.version,
            today=today,
            outcome_notified_on=D(2024, 4, 1),
        )
    assert error.value.message_dict["received_on"] == [messages.NOW_LATE_BUT_ACCEPTED]


def test_an_edit_cannot_move_a_judged_application_to_another_body(caseworker, today):
    application = ValidApplicationFactory()
    with pytest.raises(ValidationError) as error:
        services.application_update(
            actor=caseworker,
            application=application,
            version=application.version,
            today=today,
            referred_or_should_have_been=False,
        )
    assert error.value.messages == [
        messages.REVIEW_BODY_FIXED.format(done="judged", body="the local policing body")
    ]


def test_an_edit_cannot_move_receipt_after_the_judgement(caseworker, today):
    application = ValidApplicationFactory()  # judged 23 May 2024
    with pytest.raises(ValidationError) as error:
        services.application_update(
            actor=caseworker,
            application=application,
            version=application.version,
            today=today,
            received_on=D(2024, 5, 24),
        )
    assert "received_on" in error.value.message_dict


def test_update_refuses_fields_that_are_not_details(caseworker, today):
    application = ApplicationFactory()
    with pytest.raises(ValueError, match="result"):
        services.application_update(
            actor=caseworker, application=application, version=1, today=today, result="upheld"
        )


def test_revise_is_all_or_nothing(caseworker, today):
    application = ApplicationFactory()
    with pytest.raises(ValidationError):
        services.application_revise(
            actor=caseworker,
            application=application,
            version=application.version,
            today=today,
            changes={"summary": "Changed"},
            judgement={"is_valid": True},
            decision={"result": "upheld"},  # no follow-up: refused
        )
    application.refresh_from_db()
    assert application.summary != "Changed"
    assert (application.status, application.is_valid, application.version) == ("received", None, 1)


def test_the_database_refuses_a_kind_that_contradicts_the_complaint_date(caseworker):
    application = AppealFactory()
    application.kind = "review"
    with pytest.raises(IntegrityError), transaction.atomic():
        application.save()


def test_the_database_refuses_a_decision_on_an_invalid_application():
    application = InvalidApplicationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(
            status="decided", decided_on=application.received_on, result="upheld"
        )


@pytest.mark.django_db(transaction=True)
def test_history_shows_who_recorded_judged_and_decided(caseworker, manager, herts, today):
    from appeals.selectors import application_history

    application = create(caseworker, herts, today)
    judge(manager, application, today)
    decide(manager, application, today, result="upheld", follow_up=["reinvestigation"])
    entries = application_history(application=application)
    assert [(e.who, e.what) for e in entries] == [
        (caseworker.display_name, "Application recorded"),
        (manager.display_name, "Application changed"),
        (manager.display_name, "Application changed"),
    ]
    assert ("Valid", "—", "Yes") in [(c.field, c.old, c.new) for c in entries[1].changes]
    assert ("Result", "—", "Upheld") in [(c.field, c.old, c.new) for c in entries[2].changes]
    assert ("Follow-up directed", "—", "Re-investigation") in [
        (c.field, c.old, c.new) for c in entries[2].changes
    ]


def test_a_2020_complaint_linked_to_an_earlier_matter_is_recorded_as_an_appeal(
    caseworker, herts, today
):
    """SI 2020/5 reg. 3(1)(b): the regime reason overrides the date, and the database allows
    it (the constraint follows the regime and its reason, not only the date)."""
    application = create(
        caseworker,
        herts,
        today,
        complaint_made_on=D(2020, 3, 1),
        regime_reason="linked_to_earlier_matter",
        referred_or_should_have_been=False,
    )
    application.refresh_from_db()
    assert (application.regime, application.kind) == ("pre_2020", "appeal")
    assert application.reference.startswith("APP-")
    assert application.review_body == "chief_officer"


def test_a_reinvestigated_earlier_complaint_is_recorded_as_a_review(caseworker, herts, today):
    application = create(
        caseworker, herts, today, complaint_made_on=D(2019, 6, 1), regime_reason="reinvestigation"
    )
    assert (application.regime, application.kind) == ("post_2020", "review")
    assert application.reference.startswith("REV-")


@pytest.mark.parametrize(
    ("complaint_made_on", "reason"),
    [(D(2019, 6, 1), "linked_to_earlier_matter"), (D(2020, 3, 1), "reinvestigation")],
)
def test_a_regime_reason_that_does_not_move_the_complaint_is_refused(
    caseworker, herts, today, complaint_made_on, reason
):
    with pytest.raises(ValidationError) as error:
        create(caseworker, herts, today, complaint_made_on=complaint_made_on, regime_reason=reason)
    assert error.value.message_dict == {"regime_reason": [messages.REGIME_REASON_DOES_NOT_APPLY]}
    assert not Application.objects.exists()


def test_editing_the_regime_reason_changes_the_kind_and_reference(caseworker, herts, today):
    application = create(caseworker, herts, today, complaint_made_on=D(2020, 3, 1))
    assert application.kind == "review"
    edited = services.application_update(
        actor=caseworker,
        application=application,
        regime_reason="linked_to_earlier_matter",
        today=today,
        version=application.version,
    )
    assert (edited.regime, edited.kind) == ("pre_2020", "appeal")
    assert edited.reference.startswith("APP-")


def test_an_appeal_against_non_recording_goes_to_the_oversight_body_and_can_be_decided(
    caseworker, herts, today
):
    """Schedule 3 para. 3(3) before 2020: the oversight body hears it, so it is judged and
    decided here (before, it went to the chief officer and could not be judged)."""
    application = create(
        caseworker,
        herts,
        today,
        complaint_made_on=D(2019, 5, 1),
        subject="non_recording",
        referred_or_should_have_been=False,
    )
    assert application.review_body == "oversight_body"
    judged = judge(caseworker, application, today)
    decided = decide(caseworker, judged, today)
    assert decided.status == Status.DECIDED
