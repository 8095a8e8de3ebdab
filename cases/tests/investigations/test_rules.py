"""The investigation rules as pure functions: no database, no clock."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cases.investigations import rules

D = dt.date
dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 8, 31), 6, D(2025, 2, 28)),  # February of a common year
        (D(2023, 8, 31), 6, D(2024, 2, 29)),  # February of a leap year
        (D(2023, 8, 30), 6, D(2024, 2, 29)),
        (D(2023, 8, 29), 6, D(2024, 2, 29)),
        (D(2023, 8, 28), 6, D(2024, 2, 28)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # 29 February has no twin next year
        (D(2024, 2, 29), 6, D(2024, 8, 29)),
        (D(2024, 3, 31), 6, D(2024, 9, 30)),  # a 30-day month
        (D(2024, 10, 31), 6, D(2025, 4, 30)),
        (D(2024, 12, 31), 6, D(2025, 6, 30)),
        (D(2024, 7, 31), 12, D(2025, 7, 31)),
        (D(2024, 1, 1), 12, D(2025, 1, 1)),
        (D(2024, 6, 15), 6, D(2024, 12, 15)),  # across the year end
    ],
)
def test_calendar_months_keep_the_day_or_take_the_month_end(start, months, expected):
    assert rules.add_months(start, months) == expected


@pytest.mark.parametrize(
    ("started", "completed", "months", "expected"),
    [
        (D(2024, 8, 31), D(2025, 2, 28), 6, True),  # the last day of February counts
        (D(2024, 8, 31), D(2025, 3, 1), 6, False),
        (D(2023, 8, 31), D(2024, 2, 29), 6, True),  # leap year: 29 February is the mark
        (D(2023, 8, 31), D(2024, 3, 1), 6, False),
        (D(2024, 2, 29), D(2025, 2, 28), 12, True),
        (D(2024, 2, 29), D(2025, 3, 1), 12, False),
        (D(2024, 5, 7), D(2024, 5, 7), 6, True),  # completed the day it started
        (D(2024, 5, 7), D(2025, 5, 7), 12, True),  # on the mark itself
        (D(2024, 5, 7), D(2025, 5, 8), 12, False),
        (D(2024, 5, 7), None, 12, None),  # still open
    ],
)
def test_completed_within_n_calendar_months(started, completed, months, expected):
    assert rules.completed_within(started, completed, months) is expected


def test_within_6_and_12_months_shorthands():
    assert rules.within_6_months(D(2024, 8, 31), D(2025, 2, 28)) is True
    assert rules.within_6_months(D(2024, 8, 31), D(2025, 3, 1)) is False
    assert rules.within_12_months(D(2024, 8, 31), D(2025, 3, 1)) is True
    assert rules.within_12_months(D(2024, 8, 31), None) is None


@given(start=dates, months=st.integers(min_value=1, max_value=36))
def test_the_mark_is_never_before_the_start_and_keeps_the_day_where_the_month_has_it(
    start, months
):
    mark = rules.add_months(start, months)
    assert mark > start
    assert (mark.year * 12 + mark.month) - (start.year * 12 + start.month) == months
    assert mark.day == start.day or (mark.day < start.day and (mark + dt.timedelta(1)).day == 1)


@given(
    day=dates,
    months=st.sampled_from([rules.SIX_MONTHS, rules.TWELVE_MONTHS]),
    offset=st.integers(min_value=-40, max_value=40),
)
def test_the_earliest_start_reaching_a_day_splits_the_starts_exactly(day, months, offset):
    earliest = rules.earliest_start_reaching(day, months)
    start = earliest + dt.timedelta(days=offset)
    assert (rules.add_months(start, months) >= day) == (start >= earliest)


@pytest.mark.parametrize(
    ("day", "months", "earliest"),
    [
        (D(2025, 2, 28), 6, D(2024, 8, 28)),  # 28 Aug to 31 Aug all reach 28 February
        (D(2025, 3, 1), 6, D(2024, 9, 1)),
        (D(2025, 2, 28), 12, D(2024, 2, 28)),  # 29 February 2024 + 12 months is 28 February
        (D(2025, 3, 1), 12, D(2024, 3, 1)),
    ],
)
def test_earliest_start_reaching_at_month_ends(day, months, earliest):
    assert rules.earliest_start_reaching(day, months) == earliest


@given(start=dates, offset=st.integers(min_value=0, max_value=800))
def test_within_12_months_follows_within_6_months(start, offset):
    completed = start + dt.timedelta(days=offset)
    if rules.within_6_months(start, completed):
        assert rules.within_12_months(start, completed)


@pytest.mark.parametrize(
    ("today", "band"),
    [
        (D(2024, 8, 31), rules.BAND_UP_TO_6),  # the day it started
        (D(2025, 2, 28), rules.BAND_UP_TO_6),  # could still finish within 6 months
        (D(2025, 3, 1), rules.BAND_6_TO_12),
        (D(2025, 8, 31), rules.BAND_6_TO_12),
        (D(2025, 9, 1), rules.BAND_OVER_12),
    ],
)
def test_age_bands_of_an_investigation_started_31_august_2024(today, band):
    assert rules.age_band(D(2024, 8, 31), today) == band


@given(start=dates, age=st.integers(min_value=0, max_value=900))
def test_the_age_band_matches_what_the_investigation_could_still_achieve(start, age):
    today = start + dt.timedelta(days=age)
    band = rules.age_band(start, today)
    assert (band == rules.BAND_UP_TO_6) == bool(rules.within_6_months(start, today))
    assert (band != rules.BAND_OVER_12) == bool(rules.within_12_months(start, today))


@pytest.mark.parametrize(
    ("today", "completed", "at_risk"),
    [
        (D(2025, 4, 6), None, False),  # 31 days to go
        (D(2025, 4, 7), None, True),  # 30 days to go
        (D(2025, 5, 7), None, True),  # the mark is today: it can still be met
        (D(2025, 5, 8), None, False),  # missed: over 12 months, no longer "at risk"
        (D(2025, 4, 20), D(2025, 4, 19), False),  # completed
    ],
)
def test_at_risk_within_30_days_of_12_months_and_still_open(today, completed, at_risk):
    assert rules.is_at_risk(D(2024, 5, 7), completed, today) is at_risk


def test_days_to_twelve_months():
    assert rules.days_to_twelve_months(D(2024, 5, 7), D(2025, 5, 1)) == 6
    assert rules.days_to_twelve_months(D(2024, 5, 7), D(2025, 5, 9)) == -2


@pytest.mark.parametrize(
    ("completed", "today", "state6", "state12"),
    [
        (None, D(2024, 11, 7), rules.CLOCK_RUNNING, rules.CLOCK_RUNNING),
        (None, D(2024, 11, 8), rules.CLOCK_MISSED, rules.CLOCK_RUNNING),
        (None, D(2025, 5, 8), rules.CLOCK_MISSED, rules.CLOCK_MISSED),
        (D(2024, 10, 1), D(2026, 1, 1), rules.CLOCK_MET, rules.CLOCK_MET),
        (D(2025, 1, 1), D(2026, 1, 1), rules.CLOCK_MISSED, rules.CLOCK_MET),
        (D(2025, 6, 1), D(2026, 1, 1), rules.CLOCK_MISSED, rules.CLOCK_MISSED),
    ],
)
def test_clock_states(completed, today, state6, state12):
    assert rules.clock_state(D(2024, 5, 7), completed, 6, today) == state6
    assert rules.clock_state(D(2024, 5, 7), completed, 12, today) == state12


def test_notices_fall_due_12_months_after_first_awareness_then_every_6_months():
    assert [rules.notice_due_on(D(2023, 8, 31), n) for n in (1, 2, 3, 4)] == [
        D(2024, 8, 31),
        D(2025, 2, 28),
        D(2025, 8, 31),  # counted from the start each time: no drift to the 28th
        D(2026, 2, 28),
    ]
    assert rules.notice_due_on(D(2022, 8, 31), 2) == D(2024, 2, 29)
    with pytest.raises(ValueError, match="numbered from 1"):
        rules.notice_due_on(D(2024, 1, 1), 0)


def test_notice_due_dates_up_to_a_day():
    aware = D(2023, 3, 10)
    assert rules.notice_due_dates(aware, D(2024, 3, 9)) == []
    assert rules.notice_due_dates(aware, D(2024, 3, 10)) == [D(2024, 3, 10)]
    assert rules.notice_due_dates(aware, D(2025, 3, 10)) == [
        D(2024, 3, 10),
        D(2024, 9, 10),
        D(2025, 3, 10),
    ]
    assert rules.notice_due_dates(None, D(2030, 1, 1)) == []


def test_notices_required_stop_when_the_investigation_completes():
    aware = D(2023, 3, 10)
    # Completing on the due day is not completing within the period: the notice is needed.
    assert rules.notices_required(aware, D(2024, 3, 10), D(2026, 1, 1)) == [D(2024, 3, 10)]
    assert rules.notices_required(aware, D(2024, 3, 9), D(2026, 1, 1)) == []
    assert rules.notices_required(aware, None, D(2024, 9, 10)) == [D(2024, 3, 10), D(2024, 9, 10)]


def test_next_notice_due_is_the_earliest_not_recorded():
    aware = D(2023, 3, 10)
    assert rules.next_notice_due(aware, set()) == D(2024, 3, 10)
    assert rules.next_notice_due(aware, {D(2024, 3, 10)}) == D(2024, 9, 10)
    assert rules.next_notice_due(aware, {D(2024, 9, 10)}) == D(2024, 3, 10)
    assert rules.next_notice_due(None, set()) is None


@pytest.mark.parametrize(
    ("next_due", "completed", "today", "needed"),
    [
        (D(2024, 3, 10), None, D(2024, 3, 9), False),
        (D(2024, 3, 10), None, D(2024, 3, 10), True),
        (D(2024, 3, 10), D(2024, 3, 20), D(2024, 4, 1), False),  # completed: no longer open
        (None, None, D(2024, 4, 1), False),
    ],
)
def test_a_notice_is_needed_now_once_due_while_open(next_due, completed, today, needed):
    assert rules.notice_needed(next_due, completed, today) is needed


@pytest.mark.parametrize(
    ("current", "new", "allowed"),
    [
        ("started", "under_investigation", True),
        ("started", "completed", True),  # recorded after the fact
        ("under_investigation", "report_drafting", True),
        ("report_drafting", "under_investigation", True),  # new evidence
        ("report_drafting", "completed", True),
        ("under_investigation", "paused", True),
        ("paused", "under_investigation", True),
        ("paused", "completed", False),  # resume first
        ("paused", "started", False),
        ("under_investigation", "started", False),
        ("completed", "under_investigation", False),  # completed is final
        ("completed", "paused", False),
        ("started", "nonsense", False),
    ],
)
def test_lifecycle_transitions(current, new, allowed):
    assert rules.can_move(current, new) is allowed


def test_next_statuses_in_lifecycle_order():
    assert rules.next_statuses("started") == [
        "under_investigation",
        "report_drafting",
        "paused",
        "completed",
    ]
    assert rules.next_statuses("completed") == []


def test_lifecycle_table_uses_the_model_status_values():
    from cases.models import InvestigationStatus

    assert set(rules.TRANSITIONS) == set(InvestigationStatus.values)
    for targets in rules.TRANSITIONS.values():
        assert targets <= set(InvestigationStatus.values)
    assert set(InvestigationStatus.values) - rules.OPEN_STATUSES == {"completed"}


def test_people_without_an_outcome_block_completion():
    assert rules.people_without_outcome([]) == []
    assert rules.people_without_outcome(
        [
            ("PC Able", ["misconduct", "no_case_to_answer"]),
            ("PS Baker", []),  # no allegation at all
            ("PC Cole", ["misconduct", ""]),  # one allegation without an opinion
        ]
    ) == ["PS Baker", "PC Cole"]


def test_headline_outcome_is_the_most_serious():
    assert rules.headline_outcome(["no_case_to_answer", "misconduct", ""]) == "misconduct"
    assert rules.headline_outcome(["no_case_to_answer", "gross_misconduct"]) == (
        "gross_misconduct"
    )
    assert rules.headline_outcome(["", ""]) == ""


@pytest.mark.parametrize(
    ("mode", "headline"),
    [
        ("independent", "independent"),
        ("directed", "directed"),
        ("managed", "directed"),  # the old name of the same form (para. 18)
        ("supervised", None),
    ],
)
def test_headline_timeliness_keeps_independent_and_directed_apart(mode, headline):
    assert rules.headline_mode(mode) == headline


@pytest.mark.parametrize(
    ("outcome", "consequence", "allowed"),
    [
        ("no_case_to_answer", "unsatisfactory_performance", True),
        ("no_case_to_answer", "reflective_practice", True),
        ("no_case_to_answer", "", True),
        ("misconduct", "reflective_practice", False),
        ("gross_misconduct", "unsatisfactory_performance", False),
        ("", "reflective_practice", False),
        ("misconduct", "", True),
    ],
)
def test_no_case_to_answer_may_lead_to_performance_procedures_or_reflective_practice(
    outcome, consequence, allowed
):
    assert rules.consequence_allowed(outcome, consequence) is allowed


def test_twelve_month_notice_recipients_leave_out_a_chief_officer_under_investigation():
    assert rules.notice_recipients(False) == ["local_policing_body", "chief_officer"]
    assert rules.notice_recipients(True) == ["local_policing_body"]


def test_twelve_month_notice_given_needs_its_required_contents():
    full = {
        "progress": "p",
        "estimated_completion_on": D(2025, 1, 1),
        "delay_reasons": "r",
        "planned_steps": "s",
    }
    assert rules.notice_contents_missing("given", full) == []
    assert rules.notice_contents_missing("given", {**full, "planned_steps": ""}) == [
        "planned_steps"
    ]
    assert rules.notice_contents_missing("withheld", {}) == []


# Keeping the complainant and interested persons informed (2020 Regulations reg. 34).


def test_progress_is_told_within_four_weeks_of_the_start_then_of_the_last_update():
    """Reg. 34(2)(a)."""
    assert rules.progress_update_due_on(D(2024, 6, 3)) == D(2024, 7, 1)
    assert rules.progress_update_due_on(D(2024, 6, 3), D(2024, 6, 20)) == D(2024, 7, 18)
    # An update before the investigation started counts from the start.
    assert rules.progress_update_due_on(D(2024, 6, 3), D(2024, 5, 20)) == D(2024, 7, 1)


def test_the_next_update_is_the_earliest_owed_to_anyone_while_it_runs():
    started = D(2024, 6, 3)
    assert rules.next_update_due_on(
        started_on=started, completed_on=None, last_told=[D(2024, 6, 20), None]
    ) == D(2024, 7, 1)
    assert rules.next_update_due_on(
        started_on=started, completed_on=None, last_told=[D(2024, 6, 20)]
    ) == D(2024, 7, 18)
    assert rules.next_update_due_on(started_on=started, completed_on=None, last_told=[]) is None
    assert (
        rules.next_update_due_on(started_on=started, completed_on=D(2024, 6, 10), last_told=[None])
        is None
    )


def test_the_outcome_is_told_within_five_working_days_of_it():
    """Reg. 34(2)(b): Friday 23 August 2024; the 26th is the summer bank holiday."""
    assert rules.outcome_notice_due_on(D(2024, 8, 23)) == D(2024, 9, 2)
    assert rules.outcome_notice_due_on(D(2024, 6, 3)) == D(2024, 6, 10)
    assert rules.outcome_notice_due_on(D(2024, 6, 3), closed=[D(2024, 6, 4)]) == D(2024, 6, 11)
