import datetime as dt

import pytest

from cases.referrals import rules

D = dt.date


def test_decision_due_3_working_days_after_receipt_over_christmas_2021():
    assert rules.decision_due_on(D(2021, 12, 23), 3) == D(2021, 12, 30)


@pytest.mark.parametrize(
    ("decided_on", "expected"),
    [(None, None), (D(2024, 6, 6), True), (D(2024, 6, 3), True), (D(2024, 6, 7), False)],
)
def test_decided_within_target_is_on_or_before_the_due_date(decided_on, expected):
    assert rules.decided_within_target(decided_on, D(2024, 6, 6)) is expected


@pytest.mark.parametrize(
    ("decided_on", "today", "expected"),
    [
        (None, D(2024, 6, 6), False),  # due today: not yet overdue
        (None, D(2024, 6, 7), True),
        (D(2024, 6, 10), D(2024, 6, 11), False),  # decided late is "missed", not overdue
    ],
)
def test_decision_overdue_only_while_undecided_after_the_due_date(decided_on, today, expected):
    assert rules.is_decision_overdue(decided_on, D(2024, 6, 6), today) is expected


@pytest.mark.parametrize(
    ("mode", "regime", "allowed"),
    [
        ("independent", "pre_2020", True),
        ("independent", "post_2020", True),
        ("local", "pre_2020", True),
        ("no_investigation", "post_2020", True),
        ("supervised", "pre_2020", True),
        ("managed", "pre_2020", True),
        ("supervised", "post_2020", False),
        ("managed", "post_2020", False),
        ("directed", "post_2020", True),
        ("directed", "pre_2020", False),
    ],
)
def test_directed_only_under_the_2020_regime_supervised_and_managed_only_before(
    mode, regime, allowed
):
    assert rules.mode_allowed(mode, regime) is allowed
    assert (mode in rules.modes_for_regime(regime)) is allowed


@pytest.mark.parametrize(
    ("aware", "received", "reason", "regime"),
    [
        (D(2020, 1, 31), D(2020, 2, 10), "", "pre_2020"),
        (D(2020, 2, 1), D(2020, 2, 10), "", "post_2020"),
        (None, D(2020, 1, 31), "", "pre_2020"),  # unrecorded: the date received decides
        (None, D(2020, 2, 1), "", "post_2020"),
        (D(2021, 3, 1), D(2021, 3, 2), "linked_to_earlier_matter", "pre_2020"),
        (D(2019, 3, 1), D(2021, 3, 2), "reinvestigation", "post_2020"),
        (D(2019, 3, 1), D(2021, 3, 2), "old_case_direction", "post_2020"),
    ],
)
def test_referral_regime_follows_its_date_unless_a_reason_moves_it(
    aware, received, reason, regime
):
    assert rules.referral_regime(aware, received, reason) == regime


@pytest.mark.parametrize(
    ("aware", "received", "reason", "applies"),
    [
        (D(2021, 3, 1), D(2021, 3, 2), "", True),
        (D(2021, 3, 1), D(2021, 3, 2), "linked_to_earlier_matter", True),
        (D(2020, 1, 31), D(2021, 3, 2), "linked_to_earlier_matter", False),  # already old
        (D(2021, 3, 1), D(2021, 3, 2), "reinvestigation", False),  # already new
        (None, D(2020, 1, 31), "reinvestigation", True),
        (None, D(2020, 2, 1), "old_case_direction", False),
    ],
)
def test_a_regime_reason_must_move_the_matter_off_its_dates_regime(
    aware, received, reason, applies
):
    assert rules.regime_reason_applies(aware, received, reason) is applies


@pytest.mark.parametrize(
    ("matter", "referral_type", "allowed"),
    [
        ("dsi", "voluntary", False),
        ("dsi", "mandatory", True),
        ("dsi", "called_in", True),
        ("complaint", "voluntary", True),
        ("conduct", "voluntary", True),
    ],
)
def test_dsi_matter_is_always_a_mandatory_referral(matter, referral_type, allowed):
    assert rules.referral_type_allowed(matter, referral_type) is allowed


@pytest.mark.parametrize(
    ("mode", "regime", "needed"),
    [
        ("local", "post_2020", ()),
        ("no_investigation", "post_2020", ()),
        ("independent", "post_2020", ("why_not_local",)),
        ("directed", "post_2020", ("why_not_local", "why_not_independent")),
        ("independent", "pre_2020", ()),  # the old para. 15(3): no order
        ("managed", "pre_2020", ()),
    ],
)
def test_mode_decision_gives_a_reason_for_each_mode_passed_over_in_the_statutory_order(
    mode, regime, needed
):
    assert rules.order_reasons_needed(mode, regime) == needed
    missing = rules.order_reason_problems(mode, regime, {})
    assert missing == dict.fromkeys(needed, "required")


def test_statutory_order_reason_for_a_mode_not_passed_over_is_refused():
    reasons = {"why_not_local": "Serious.", "why_not_independent": "Resources."}
    assert rules.order_reason_problems("independent", "post_2020", reasons) == {
        "why_not_independent": "not_applicable"
    }
    assert rules.order_reason_problems("local", "post_2020", {"why_not_local": " "}) == {}


def test_statutory_order_lists_each_mode_considered_with_its_reason():
    reasons = {"why_not_local": "Serious.", "why_not_independent": "Resources."}
    assert rules.statutory_order("directed", "post_2020", reasons, "Directed.") == [
        {"mode": "local", "appropriate": False, "reason": "Serious."},
        {"mode": "independent", "appropriate": False, "reason": "Resources."},
        {"mode": "directed", "appropriate": True, "reason": "Directed."},
    ]
    assert rules.statutory_order("managed", "pre_2020", {}, "Old.") == [
        {"mode": "managed", "appropriate": True, "reason": "Old."}
    ]
