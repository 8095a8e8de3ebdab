import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from appeals import rules
from appeals.models import AgeBand

D = dt.date


@pytest.mark.parametrize(
    ("complaint_made_on", "kind", "prefix"),
    [
        (D(2019, 12, 31), "appeal", "APP"),
        (D(2020, 1, 31), "appeal", "APP"),
        (D(2020, 2, 1), "review", "REV"),
        (D(2020, 2, 2), "review", "REV"),
    ],
)
def test_kind_and_prefix_follow_the_1_february_2020_boundary(complaint_made_on, kind, prefix):
    assert rules.application_kind(complaint_made_on) == kind
    assert rules.reference_prefix(kind) == prefix


def test_appeal_when_complaint_made_on_31_january_2020():
    assert rules.application_kind(D(2020, 1, 31)) == "appeal"


def test_review_when_complaint_made_on_1_february_2020():
    assert rules.application_kind(D(2020, 2, 1)) == "review"


@pytest.mark.parametrize(
    ("notified", "received", "in_time"),
    [
        (D(2024, 5, 10), D(2024, 5, 10), True),  # the same day
        (D(2024, 5, 10), D(2024, 5, 11), True),  # day 1
        (D(2024, 5, 10), D(2024, 6, 7), True),  # day 28
        (D(2024, 5, 10), D(2024, 6, 8), False),  # day 29
        # Across a month end: 31 January 2024 + 28 days is 28 February (a leap year).
        (D(2024, 1, 31), D(2024, 2, 28), True),
        (D(2024, 1, 31), D(2024, 2, 29), False),
        # Across February in a common year: 15 February 2023 + 28 days is 15 March.
        (D(2023, 2, 15), D(2023, 3, 15), True),
        (D(2023, 2, 15), D(2023, 3, 16), False),
        # Across a year end.
        (D(2023, 12, 20), D(2024, 1, 17), True),
        (D(2023, 12, 20), D(2024, 1, 18), False),
    ],
)
def test_made_in_time_within_28_days_beginning_with_the_day_after(notified, received, in_time):
    assert rules.made_in_time(notified, received) is in_time


def test_last_day_to_apply_is_the_28th_day_after_notification():
    assert rules.apply_by(D(2024, 5, 10)) == D(2024, 6, 7)
    assert rules.apply_by(D(2024, 1, 31)) == D(2024, 2, 28)


@given(
    notified=st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)),
    days=st.integers(min_value=0, max_value=400),
)
def test_made_in_time_exactly_when_at_most_28_days_have_passed(notified, days):
    received = notified + dt.timedelta(days=days)
    assert rules.made_in_time(notified, received) is (days <= 28)
    assert rules.made_in_time(notified, received) is (received <= rules.apply_by(notified))


CRITERIA = [
    "about_senior_officer",
    "referred_or_should_have_been",
    "treated_as_referred",
    "could_justify_proceedings",
    "engages_article_2_or_3",
    "same_incident",
]


def body(kind="review", **chosen):
    return rules.relevant_review_body(
        kind=kind, **{name: chosen.get(name, False) for name in CRITERIA}
    )


@pytest.mark.parametrize("criterion", CRITERIA)
@pytest.mark.parametrize("kind", ["appeal", "review"])
def test_any_criterion_makes_the_oversight_body_the_relevant_body(kind, criterion):
    assert body(kind, **{criterion: True}) == "oversight_body"


def test_otherwise_the_local_policing_body_reviews():
    assert body("review") == "local_policing_body"


def test_otherwise_the_chief_officer_heard_appeals_before_2020():
    assert body("appeal") == "chief_officer"


@given(st.fixed_dictionaries({name: st.booleans() for name in CRITERIA}))
def test_oversight_body_exactly_when_some_criterion_holds(chosen):
    expected = "oversight_body" if any(chosen.values()) else "local_policing_body"
    assert body("review", **chosen) == expected


@pytest.mark.parametrize(
    ("subject", "kind", "allowed"),
    [
        ("non_recording", "appeal", True),
        ("non_recording", "review", False),
        ("investigation_outcome", "review", True),
        ("non_investigation_handling", "appeal", True),
        ("other", "review", True),
    ],
)
def test_non_recording_is_for_appeals_only(subject, kind, allowed):
    assert rules.subject_allowed(subject, kind) is allowed


@pytest.mark.parametrize(
    ("kwargs", "problems"),
    [
        ({"is_valid": True}, {}),
        (
            {"is_valid": True, "in_time": False},
            {"special_circumstances": "late_needs_special_circumstances"},
        ),
        (
            {"is_valid": True, "in_time": False, "special_circumstances": "  "},
            {"special_circumstances": "late_needs_special_circumstances"},
        ),
        ({"is_valid": True, "in_time": False, "special_circumstances": "In hospital"}, {}),
        (
            {"is_valid": True, "invalid_reason": "other"},
            {"invalid_reason": "no_reason_when_valid"},
        ),
        (
            {"is_valid": True, "applicant": "someone_else"},
            {"applicant": "not_by_or_for_complainant"},
        ),
        ({"is_valid": True, "applicant": "representative"}, {}),
        ({"is_valid": False}, {"invalid_reason": "reason_required"}),
        ({"is_valid": False, "invalid_reason": "out_of_time"}, {}),
        ({"is_valid": False, "invalid_reason": "missing_information", "in_time": False}, {}),
    ],
)
def test_validity_problems(kwargs, problems):
    values = {
        "invalid_reason": "",
        "in_time": True,
        "special_circumstances": "",
        "applicant": "complainant",
        **kwargs,
    }
    assert rules.validity_problems(**values) == problems


@pytest.mark.parametrize(
    ("in_time", "applicant", "reason"),
    [
        (True, "complainant", ""),
        (False, "complainant", "out_of_time"),
        (True, "someone_else", "not_complainant"),
        (False, "someone_else", "not_complainant"),
    ],
)
def test_suggested_invalid_reason(in_time, applicant, reason):
    assert rules.suggested_invalid_reason(in_time=in_time, applicant=applicant) == reason


@pytest.mark.parametrize(
    ("kind", "result", "label", "upheld"),
    [
        ("appeal", "upheld", "Upheld", True),
        ("appeal", "not_upheld", "Not upheld", False),
        ("review", "upheld", "Not reasonable and proportionate (upheld)", True),
        ("review", "not_upheld", "Reasonable and proportionate (not upheld)", False),
        ("review", "", "", None),
    ],
)
def test_a_review_speaks_of_reasonable_and_proportionate(kind, result, label, upheld):
    assert rules.result_label(kind, result) == label
    assert rules.is_upheld(result) is upheld


@pytest.mark.parametrize(
    ("received_on", "today", "band"),
    [
        (D(2024, 6, 3), D(2024, 6, 3), "under_1_month"),
        (D(2024, 5, 4), D(2024, 6, 3), "under_1_month"),
        (D(2024, 5, 3), D(2024, 6, 3), "1_to_3_months"),
        (D(2024, 3, 4), D(2024, 6, 3), "1_to_3_months"),
        (D(2024, 3, 3), D(2024, 6, 3), "3_to_6_months"),
        (D(2023, 12, 4), D(2024, 6, 3), "3_to_6_months"),
        (D(2023, 12, 3), D(2024, 6, 3), "6_to_12_months"),
        (D(2023, 6, 4), D(2024, 6, 3), "6_to_12_months"),
        (D(2023, 6, 3), D(2024, 6, 3), "over_12_months"),
        # Month ends: a month before 29 February 2024 is 29 January.
        (D(2024, 1, 29), D(2024, 2, 29), "1_to_3_months"),
        (D(2024, 1, 30), D(2024, 2, 29), "under_1_month"),
    ],
)
def test_age_band_by_whole_calendar_months_since_receipt(received_on, today, band):
    assert rules.age_band(received_on, today) == band


def test_age_in_days_since_receipt():
    assert rules.age_in_days(D(2024, 5, 31), D(2024, 6, 3)) == 3
    assert rules.age_in_days(D(2024, 6, 3), D(2024, 6, 3)) == 0


def test_every_age_band_has_a_label():
    assert [label for label, _ in rules.AGE_BANDS] == AgeBand.values


def test_count_by_band():
    today = D(2024, 6, 3)
    counts = rules.count_by_band([D(2024, 6, 1), D(2024, 6, 2), D(2022, 1, 1)], today)
    assert counts == {
        "under_1_month": 2,
        "1_to_3_months": 0,
        "3_to_6_months": 0,
        "6_to_12_months": 0,
        "over_12_months": 1,
    }


def test_a_2020_complaint_linked_to_an_earlier_matter_is_an_appeal():
    """SI 2020/5 reg. 3(1)(b): it stays under the old regime, so the 2012 appeal applies."""
    assert rules.application_kind(D(2020, 3, 1), "linked_to_earlier_matter") == "appeal"
    assert rules.application_kind(D(2020, 3, 1)) == "review"


@pytest.mark.parametrize("reason", ["reinvestigation", "old_case_direction"])
def test_a_reinvestigation_or_section_28a_direction_makes_an_earlier_complaint_a_review(reason):
    """SI 2020/5 reg. 3(2): a s. 13B re-investigation or a s. 28A direction brings it under
    the 2020 regime whatever its date."""
    assert rules.application_kind(D(2019, 6, 1), reason) == "review"
    assert rules.application_kind(D(2019, 6, 1)) == "appeal"


@pytest.mark.parametrize("kind", ["appeal", "review"])
def test_treated_as_referred_makes_the_oversight_body_the_relevant_body(kind):
    assert body(kind, treated_as_referred=True) == "oversight_body"
    assert body(kind) != "oversight_body"


def test_an_appeal_against_non_recording_lies_to_the_oversight_body():
    """Schedule 3 para. 3(3) before 2020: the appeal against a decision not to record a
    complaint was to the oversight body, whatever the other criteria."""
    appeal = rules.relevant_review_body(
        kind="appeal", subject="non_recording", **{name: False for name in CRITERIA}
    )
    assert appeal == "oversight_body"
    assert body("appeal") == "chief_officer"


# An application first made to another body and forwarded (reg. 29(3), para. 32(3))


@pytest.mark.parametrize(
    ("first_received_on", "in_time"),
    [
        (D(2024, 6, 6), True),  # day 27 at the local policing body
        (D(2024, 6, 7), True),  # day 28: the last day
        (D(2024, 6, 8), False),  # day 29: late wherever it was first made
    ],
)
def test_time_at_the_wrong_body_before_forwarding_is_disregarded(first_received_on, in_time):
    """Told the outcome on 10 May 2024 (last day 7 June), received here on 20 June after
    being forwarded: it counts as made when the first body received it."""
    notified, received = D(2024, 5, 10), D(2024, 6, 20)
    assert rules.made_in_time(notified, received) is False
    assert rules.made_in_time(notified, received, first_received_on) is in_time
    assert rules.made_on(received, first_received_on) == first_received_on


def test_an_application_made_here_counts_from_the_day_it_was_received():
    assert rules.made_on(D(2024, 6, 7)) == D(2024, 6, 7)
    assert rules.made_in_time(D(2024, 5, 10), D(2024, 6, 7), None) is True
    assert rules.made_in_time(D(2024, 5, 10), D(2024, 6, 8), None) is False


@given(
    notified=st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)),
    first=st.integers(min_value=0, max_value=200),
    forwarding=st.integers(min_value=0, max_value=200),
)
def test_forwarding_time_never_makes_an_application_late(notified, first, forwarding):
    first_received_on = notified + dt.timedelta(days=first)
    received = first_received_on + dt.timedelta(days=forwarding)
    assert rules.made_in_time(notified, received, first_received_on) is (first <= 28)


@pytest.mark.parametrize(
    ("review_body", "to_id", "to_is_lpb", "problem"),
    [
        ("local_policing_body", 10, True, ""),  # the force's own local policing body
        ("local_policing_body", 11, True, "wrong_local_policing_body"),
        ("local_policing_body", 1, False, "local_policing_body"),  # the force itself
        ("chief_officer", 1, False, ""),  # an old appeal: to the force's chief officer
        ("chief_officer", 10, True, "chief_officer"),
    ],
)
def test_forwarded_to_the_relevant_review_body_of_the_forces_area(
    review_body, to_id, to_is_lpb, problem
):
    assert (
        rules.forwarding_problem(
            review_body=review_body,
            to_id=to_id,
            to_is_local_policing_body=to_is_lpb,
            force_id=1,
            force_local_policing_body_id=10,
        )
        == problem
    )


def test_any_local_policing_body_when_the_forces_is_not_known():
    assert (
        rules.forwarding_problem(
            review_body="local_policing_body",
            to_id=11,
            to_is_local_policing_body=True,
            force_id=1,
            force_local_policing_body_id=None,
        )
        == ""
    )


def test_sch_3_paras_6a_25_no_statutory_period_so_the_body_targets_90_days_from_receipt():
    assert rules.decision_target_on(D(2024, 5, 20)) == D(2024, 8, 18)
    assert rules.decision_target_on(D(2024, 5, 20), days=30) == D(2024, 6, 19)
