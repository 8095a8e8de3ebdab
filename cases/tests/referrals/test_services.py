import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from cases.models import Determination, Referral, ReferralStatus
from cases.referrals import services
from cases.referrals.services import messages
from cases.tests.factories import DecidedReferralFactory, ReferralFactory
from oversight.core.errors import ConflictError
from oversight.core.models import NonWorkingDay

D = dt.date
pytestmark = pytest.mark.django_db


def create(caseworker, herts, today, **overrides):
    data = {
        "actor": caseworker,
        "organisation": herts,
        "received_on": D(2024, 6, 3),
        "matter_type": "dsi",
        "referral_type": "mandatory",
        "categories": ["death_or_serious_injury"],
        "summary": "Man found unresponsive in a cell.",
        "today": today,
    }
    return services.referral_create(**{**data, **overrides})


def test_create_gives_a_reference_and_the_decision_due_date(caseworker, herts, today):
    referral = create(caseworker, herts, today)
    assert referral.reference == "REF-2024-000001"
    assert referral.decision_due_on == D(2024, 6, 6)
    assert referral.status == ReferralStatus.AWAITING_DECISION
    assert referral.created_by == caseworker
    assert create(caseworker, herts, today).reference == "REF-2024-000002"


def test_decision_due_date_respects_extra_closures(caseworker, herts, today):
    NonWorkingDay.objects.create(date=D(2024, 6, 4), description="Office move")
    assert create(caseworker, herts, today).decision_due_on == D(2024, 6, 7)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"received_on": D(2024, 6, 4)}, "received_on", messages.RECEIVED_IN_FUTURE),
        ({"categories": []}, "categories", messages.MANDATORY_NEEDS_CATEGORY),
        ({"first_aware_on": D(2024, 6, 4)}, "first_aware_on", messages.AWARE_IN_FUTURE),
        (
            {"first_aware_on": D(2024, 6, 3), "received_on": D(2024, 6, 1)},
            "first_aware_on",
            messages.AWARE_AFTER_RECEIVED,
        ),
        ({"mode": "", "decided_on": D(2024, 6, 3)}, "mode", messages.MODE_REQUIRED),
        (
            {"mode": "independent", "decided_on": D(2024, 6, 2)},
            "decided_on",
            messages.DECIDED_BEFORE_RECEIVED,
        ),
        (
            {"mode": "supervised", "decided_on": D(2024, 6, 3)},
            "mode",
            messages.LEGACY_MODE_NOT_ALLOWED,
        ),
    ],
)
def test_create_refuses_bad_input_and_saves_nothing(
    caseworker, herts, today, overrides, field, message
):
    with pytest.raises(ValidationError) as error:
        create(caseworker, herts, today, **overrides)
    assert error.value.message_dict[field] == [message]
    assert not Referral.objects.exists()
    assert not Determination.objects.exists()


def test_decide_records_the_first_determination_for_the_target(caseworker, manager, herts, today):
    referral = create(caseworker, herts, today)
    services.referral_decide(
        actor=caseworker, referral=referral, mode="directed", decided_on=D(2024, 6, 3), today=today
    )
    referral.refresh_from_db()
    assert (referral.status, referral.mode, referral.decided_on) == (
        "decided",
        "directed",
        D(2024, 6, 3),
    )
    assert referral.decided_within_target is True

    # Re-made later (directed turned independent): both kept, the first still counts.
    services.referral_decide(
        actor=manager,
        referral=referral,
        mode="independent",
        decided_on=D(2024, 6, 3),
        reason="Seriousness became clear.",
        today=today,
    )
    referral.refresh_from_db()
    assert referral.mode == "independent"
    assert referral.decided_on == D(2024, 6, 3)
    assert [(d.mode, d.decided_by) for d in referral.determinations.all()] == [
        ("directed", caseworker),
        ("independent", manager),
    ]


def test_decision_after_the_due_date_misses_the_target(caseworker, herts):
    referral = create(caseworker, herts, D(2024, 6, 10))
    services.referral_decide(
        actor=caseworker,
        referral=referral,
        mode="local",
        decided_on=D(2024, 6, 7),
        today=D(2024, 6, 10),
    )
    referral.refresh_from_db()
    assert referral.decided_within_target is False


@pytest.mark.parametrize(
    ("mode", "decided_on", "field", "message"),
    [
        ("", D(2024, 6, 3), "mode", messages.MODE_REQUIRED),
        ("independent", None, "decided_on", messages.DECIDED_ON_REQUIRED),
        ("independent", D(2024, 6, 4), "decided_on", messages.DECIDED_IN_FUTURE),
        ("independent", D(2024, 5, 31), "decided_on", messages.DECIDED_BEFORE_RECEIVED),
        ("managed", D(2024, 6, 3), "mode", messages.LEGACY_MODE_NOT_ALLOWED),
    ],
)
def test_decide_refuses_bad_input(caseworker, herts, today, mode, decided_on, field, message):
    referral = create(caseworker, herts, today)
    with pytest.raises(ValidationError) as error:
        services.referral_decide(
            actor=caseworker, referral=referral, mode=mode, decided_on=decided_on, today=today
        )
    assert error.value.message_dict[field] == [message]
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.AWAITING_DECISION
    assert not referral.determinations.exists()


def test_legacy_mode_allowed_for_matters_known_before_february_2020(caseworker, herts):
    referral = create(
        caseworker, herts, D(2020, 3, 1), received_on=D(2020, 2, 10), first_aware_on=D(2020, 1, 20)
    )
    services.referral_decide(
        actor=caseworker,
        referral=referral,
        mode="supervised",
        decided_on=D(2020, 2, 11),
        today=D(2020, 3, 1),
    )
    referral.refresh_from_db()
    assert referral.mode == "supervised"


def test_a_new_decision_cannot_go_back_before_the_previous_one(caseworker):
    referral = DecidedReferralFactory(received_on=D(2024, 5, 1))
    with pytest.raises(ValidationError) as error:
        services.referral_decide(
            actor=caseworker,
            referral=referral,
            mode="directed",
            decided_on=D(2024, 5, 1),
            today=D(2024, 6, 3),
        )
    assert "decided_on" in error.value.message_dict


def test_deciding_the_same_mode_again_is_refused(caseworker):
    referral = DecidedReferralFactory(mode="independent")
    with pytest.raises(ValidationError) as error:
        services.referral_decide(
            actor=caseworker,
            referral=referral,
            mode="independent",
            decided_on=D(2024, 6, 1),
            today=D(2024, 6, 3),
        )
    assert error.value.message_dict["mode"] == [messages.MODE_UNCHANGED.format(mode="independent")]


def test_update_recomputes_the_due_date_and_bumps_the_version(caseworker, manager, today):
    referral = ReferralFactory(received_on=D(2024, 5, 1))
    updated = services.referral_update(
        actor=manager,
        referral=referral,
        version=referral.version,
        today=today,
        received_on=D(2024, 5, 2),
        summary="Corrected summary",
    )
    assert updated.decision_due_on == D(2024, 5, 8)  # 6 May 2024 was a bank holiday
    assert updated.version == referral.version + 1
    assert updated.updated_by == manager


def test_update_with_a_stale_version_is_refused(caseworker, today):
    referral = ReferralFactory()
    services.referral_update(
        actor=caseworker, referral=referral, version=1, today=today, summary="First edit"
    )
    with pytest.raises(ConflictError):
        services.referral_update(
            actor=caseworker, referral=referral, version=1, today=today, summary="Second edit"
        )
    referral.refresh_from_db()
    assert referral.summary == "First edit"


def test_update_cannot_move_receipt_after_the_first_decision(caseworker, today):
    referral = DecidedReferralFactory(received_on=D(2024, 5, 1))
    with pytest.raises(ValidationError) as error:
        services.referral_update(
            actor=caseworker,
            referral=referral,
            version=referral.version,
            today=today,
            received_on=D(2024, 5, 20),
        )
    assert "received_on" in error.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_history_shows_who_changed_what(caseworker, manager, herts, today):
    from cases.referrals.selectors import referral_history

    referral = create(caseworker, herts, today)
    services.referral_update(
        actor=manager, referral=referral, version=referral.version, today=today, summary="Updated"
    )
    services.referral_decide(
        actor=manager, referral=referral, mode="independent", decided_on=today, today=today
    )
    entries = referral_history(referral=referral)
    assert [(e.who, e.what) for e in entries] == [
        (caseworker.display_name, "Referral recorded"),
        (manager.display_name, "Referral changed"),
        (manager.display_name, "Referral changed"),
        (manager.display_name, "Determination recorded"),
    ]
    assert [(c.field, c.old, c.new) for c in entries[1].changes] == [
        ("Summary", "Man found unresponsive in a cell.", "Updated")
    ]
    assert ("Mode", "—", "Independent") in [(c.field, c.old, c.new) for c in entries[2].changes]
    assert ("Status", "Awaiting decision", "Decided") in [
        (c.field, c.old, c.new) for c in entries[2].changes
    ]
