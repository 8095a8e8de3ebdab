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
        actor=caseworker,
        referral=referral,
        mode="directed",
        decided_on=D(2024, 6, 3),
        why_not_local="Too serious for the force alone.",
        why_not_independent="The force has the specialist skills; direction suffices.",
        today=today,
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
        why_not_local="Too serious for the force alone.",
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
        actor=manager,
        referral=referral,
        mode="independent",
        decided_on=today,
        why_not_local="Too serious.",
        today=today,
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


@pytest.mark.parametrize(
    ("aware", "received", "reason", "regime"),
    [
        (D(2020, 1, 31), D(2020, 2, 3), "", "pre_2020"),
        (None, D(2020, 2, 3), "", "post_2020"),
        (D(2021, 5, 1), D(2021, 5, 3), "linked_to_earlier_matter", "pre_2020"),
        (D(2019, 5, 1), D(2021, 5, 3), "reinvestigation", "post_2020"),
    ],
)
def test_referral_regime_is_derived_from_its_date_or_its_reason(
    caseworker, herts, aware, received, reason, regime
):
    referral = create(
        caseworker,
        herts,
        D(2024, 6, 3),
        received_on=received,
        first_aware_on=aware,
        regime_reason=reason,
    )
    referral.refresh_from_db()
    assert (referral.regime, referral.regime_reason) == (regime, reason)


@pytest.mark.parametrize(
    ("aware", "reason", "regime_label"),
    [
        (D(2021, 5, 1), "reinvestigation", "the 2020 reforms"),
        (D(2019, 5, 1), "linked_to_earlier_matter", "before the 2020 reforms"),
    ],
)
def test_a_regime_reason_that_does_not_move_the_matter_is_refused(
    caseworker, herts, today, aware, reason, regime_label
):
    with pytest.raises(ValidationError) as error:
        create(caseworker, herts, today, first_aware_on=aware, regime_reason=reason)
    assert error.value.message_dict["regime_reason"] == [
        messages.REGIME_REASON_NOT_APPLICABLE.format(regime=regime_label)
    ]
    assert not Referral.objects.exists()


def test_directed_is_refused_for_an_old_regime_matter(caseworker, herts):
    referral = create(
        caseworker, herts, D(2020, 3, 1), received_on=D(2020, 2, 10), first_aware_on=D(2020, 1, 20)
    )
    with pytest.raises(ValidationError) as error:
        services.referral_decide(
            actor=caseworker,
            referral=referral,
            mode="directed",
            decided_on=D(2020, 2, 11),
            today=D(2020, 3, 1),
        )
    assert error.value.message_dict["mode"] == [messages.DIRECTED_NOT_ALLOWED]
    assert not referral.determinations.exists()


def test_a_new_matter_linked_to_an_old_one_keeps_the_old_modes(caseworker, herts, today):
    referral = create(
        caseworker,
        herts,
        today,
        first_aware_on=D(2024, 5, 1),
        regime_reason="linked_to_earlier_matter",
    )
    services.referral_decide(
        actor=caseworker, referral=referral, mode="managed", decided_on=today, today=today
    )
    referral.refresh_from_db()
    assert (referral.regime, referral.mode) == ("pre_2020", "managed")
    with pytest.raises(ValidationError) as error:
        services.referral_decide(
            actor=caseworker, referral=referral, mode="directed", decided_on=today, today=today
        )
    assert error.value.message_dict["mode"] == [messages.DIRECTED_NOT_ALLOWED]


def test_a_reinvestigation_of_an_old_matter_is_under_the_new_regime(caseworker, herts, today):
    referral = create(
        caseworker, herts, today, first_aware_on=D(2019, 5, 1), regime_reason="reinvestigation"
    )
    assert referral.regime == "post_2020"
    with pytest.raises(ValidationError) as error:
        services.referral_decide(
            actor=caseworker, referral=referral, mode="supervised", decided_on=today, today=today
        )
    assert error.value.message_dict["mode"] == [messages.LEGACY_MODE_NOT_ALLOWED]


def test_an_edit_that_moves_the_regime_away_from_the_decided_mode_is_refused(
    caseworker, herts, today
):
    referral = create(caseworker, herts, today, first_aware_on=D(2024, 5, 1))
    services.referral_decide(
        actor=caseworker,
        referral=referral,
        mode="directed",
        decided_on=today,
        why_not_local="Serious.",
        why_not_independent="Force has the skills.",
        today=today,
    )
    referral.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.referral_update(
            actor=caseworker,
            referral=referral,
            version=referral.version,
            today=today,
            regime_reason="linked_to_earlier_matter",
        )
    assert error.value.message_dict["regime_reason"] == [messages.DIRECTED_NOT_ALLOWED]
    referral.refresh_from_db()
    assert (referral.regime, referral.regime_reason) == ("post_2020", "")
    # Without a decided mode in the way, the reason moves it and the regime follows.
    other = create(caseworker, herts, today, first_aware_on=D(2024, 5, 1))
    services.referral_update(
        actor=caseworker,
        referral=other,
        version=other.version,
        today=today,
        regime_reason="linked_to_earlier_matter",
    )
    other.refresh_from_db()
    assert other.regime == "pre_2020"


def test_dsi_matter_is_always_a_mandatory_referral_in_the_service(caseworker, herts, today):
    with pytest.raises(ValidationError) as error:
        create(caseworker, herts, today, referral_type="voluntary")
    assert error.value.message_dict["referral_type"] == [messages.VOLUNTARY_DSI_REFUSED]
    assert not Referral.objects.exists()
    referral = create(caseworker, herts, today)
    with pytest.raises(ValidationError) as error:
        services.referral_update(
            actor=caseworker,
            referral=referral,
            version=referral.version,
            today=today,
            referral_type="voluntary",
        )
    assert error.value.message_dict["referral_type"] == [messages.VOLUNTARY_DSI_REFUSED]
    called_in = create(caseworker, herts, today, referral_type="called_in")
    assert called_in.referral_type == "called_in"


@pytest.mark.parametrize(
    ("mode", "reasons", "field", "message"),
    [
        ("independent", {}, "why_not_local", messages.WHY_NOT_LOCAL_REQUIRED),
        (
            "directed",
            {"why_not_local": "Serious."},
            "why_not_independent",
            messages.WHY_NOT_INDEPENDENT_REQUIRED,
        ),
        (
            "local",
            {"why_not_local": "Serious."},
            "why_not_local",
            messages.WHY_NOT_LOCAL_NOT_APPLICABLE,
        ),
        (
            "independent",
            {"why_not_local": "Serious.", "why_not_independent": "No."},
            "why_not_independent",
            messages.WHY_NOT_INDEPENDENT_NOT_APPLICABLE,
        ),
    ],
)
def test_mode_decision_records_the_statutory_order_and_its_reasons(
    caseworker, herts, today, mode, reasons, field, message
):
    referral = create(caseworker, herts, today)
    with pytest.raises(ValidationError) as error:
        services.referral_decide(
            actor=caseworker,
            referral=referral,
            mode=mode,
            decided_on=today,
            today=today,
            **reasons,
        )
    assert error.value.message_dict[field] == [message]
    assert not referral.determinations.exists()


def test_a_directed_decision_keeps_each_step_of_the_statutory_order(caseworker, herts, today):
    referral = create(caseworker, herts, today)
    determination = services.referral_decide(
        actor=caseworker,
        referral=referral,
        mode="directed",
        decided_on=today,
        reason="Directed.",
        why_not_local="Serious.",
        why_not_independent="Force has the skills.",
        today=today,
    )
    assert determination.statutory_order == [
        {"mode": "local", "appropriate": False, "reason": "Serious."},
        {"mode": "independent", "appropriate": False, "reason": "Force has the skills."},
        {"mode": "directed", "appropriate": True, "reason": "Directed."},
    ]
