"""The recommendation rules, without the database."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning import rules

D = dt.date
dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@pytest.mark.parametrize(
    ("issued_on", "due_on"),
    [
        (D(2024, 6, 3), D(2024, 7, 28)),  # 3 June is day 1, 28 July day 56
        (D(2024, 1, 1), D(2024, 2, 25)),
        (D(2024, 2, 1), D(2024, 3, 27)),  # across 29 February in a leap year
        (D(2023, 2, 1), D(2023, 3, 28)),
        (D(2024, 12, 20), D(2025, 2, 13)),  # across the new year
    ],
)
def test_response_due_at_the_end_of_56_days_beginning_with_the_issue_day(issued_on, due_on):
    assert rules.response_due_on(issued_on) == due_on


@given(dates)
def test_the_response_period_is_56_days_counting_the_issue_day(issued_on):
    due_on = rules.response_due_on(issued_on)
    assert (due_on - issued_on).days + 1 == rules.STATUTORY_RESPONSE_DAYS == 56


@pytest.mark.parametrize(
    ("requested_on", "in_time"),
    [
        (D(2024, 7, 1), True),
        (D(2024, 7, 28), True),  # on the last day of the period: it has not yet expired
        (D(2024, 7, 29), False),  # the day after: too late
    ],
)
def test_extension_only_on_a_request_made_before_the_period_expires(requested_on, in_time):
    assert rules.extension_request_in_time(requested_on, D(2024, 7, 28)) is in_time


def overdue(**overrides):
    values = {
        "status": "issued",
        "is_statutory": True,
        "responded_on": None,
        "due_on": D(2024, 7, 28),
        "today": D(2024, 7, 29),
    }
    return rules.is_overdue(**{**values, **overrides})


def test_overdue_the_day_after_the_due_date():
    assert overdue() is True


def test_not_overdue_on_the_due_date():
    assert overdue(today=D(2024, 7, 28)) is False


def test_not_overdue_once_answered_even_late():
    assert overdue(status="accepted", responded_on=D(2024, 8, 10)) is False


def test_a_non_statutory_recommendation_is_never_overdue():
    assert overdue(is_statutory=False, due_on=None, today=D(2030, 1, 1)) is False


def test_a_draft_is_never_overdue():
    assert overdue(status="draft") is False


def test_an_extension_moves_the_overdue_day():
    assert overdue(due_on=D(2024, 8, 25), today=D(2024, 8, 1)) is False


@given(issued_on=dates, days_later=st.integers(min_value=0, max_value=400))
def test_overdue_exactly_when_today_is_past_the_due_date(issued_on, days_later):
    due_on = rules.response_due_on(issued_on)
    today = issued_on + dt.timedelta(days=days_later)
    assert overdue(due_on=due_on, today=today) is (days_later >= 56)


def test_days_until_due():
    assert rules.days_until_due(D(2024, 7, 28), D(2024, 7, 20)) == 8
    assert rules.days_until_due(D(2024, 7, 28), D(2024, 7, 30)) == -2
    assert rules.days_until_due(None, D(2024, 7, 30)) is None


@pytest.mark.parametrize(
    ("is_statutory", "is_final", "representations", "expected"),
    [
        (True, True, False, D(2024, 6, 23)),  # 21 days beginning with 3 June: 3 June is day 1
        (True, True, True, None),  # representations against publication wait for a decision
        (True, False, False, None),  # an interim reply is not the response
        (False, True, False, None),  # no statutory deadline
    ],
)
def test_publication_due_within_21_days_beginning_with_receipt_of_the_response(
    is_statutory, is_final, representations, expected
):
    """Paragraph 28B(5)-(6)."""
    assert (
        rules.publication_due_on(
            D(2024, 6, 3),
            is_statutory=is_statutory,
            is_final=is_final,
            representations_made=representations,
        )
        == expected
    )


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        ("in_full", D(2024, 7, 1)),  # 21 days beginning with the decision of 11 June
        ("in_part", D(2024, 7, 1)),
        ("not_published", None),
    ],
)
def test_publication_after_a_decision_on_representations(decision, expected):
    """Paragraph 28B(7): published in full or in part after the decision, or not at all."""
    assert rules.publication_due_after_decision(decision, D(2024, 6, 11)) == expected


def test_judicial_review_started_within_the_period_extends_it_by_the_days_in_progress():
    """Paragraph 28B(4): proceedings started on or before the due date extend the period by
    however many days they are in progress, the first and the last day included."""
    due = D(2024, 5, 26)
    assert rules.judicial_review_extends_period(D(2024, 5, 26), due) is True
    assert rules.judicial_review_extends_period(D(2024, 5, 27), due) is False
    # In progress 1 to 10 May: ten days.
    assert rules.due_on_after_judicial_review(due, D(2024, 5, 1), D(2024, 5, 10)) == D(2024, 6, 5)
    assert rules.due_on_after_judicial_review(due, D(2024, 5, 1), D(2024, 5, 1)) == D(2024, 5, 27)


def test_never_overdue_while_judicial_review_proceedings_are_in_progress():
    """Paragraph 28B(4): the period runs on only once the proceedings end."""
    arguments = {
        "status": "issued",
        "is_statutory": True,
        "responded_on": None,
        "due_on": D(2024, 5, 26),
        "today": D(2024, 6, 30),
    }
    assert rules.is_overdue(**arguments) is True
    assert rules.is_overdue(**arguments, judicial_review_pending=True) is False


def test_publication_overdue():
    assert rules.is_publication_overdue(D(2024, 6, 24), None, D(2024, 6, 25)) is True
    assert rules.is_publication_overdue(D(2024, 6, 24), None, D(2024, 6, 24)) is False
    assert rules.is_publication_overdue(D(2024, 6, 24), D(2024, 6, 20), D(2024, 7, 1)) is False
    assert rules.is_publication_overdue(None, None, D(2024, 7, 1)) is False


@pytest.mark.parametrize(
    ("reference", "kind"),
    [
        ("INV-2022-000123", "investigation"),
        ("APP-2019-000045", "application"),
        ("REV-2022-000067", "application"),
    ],
)
def test_source_kind_from_the_reference(reference, kind):
    assert rules.source_kind_of(reference) == kind
    assert rules.source_reference_valid(kind, reference)


@pytest.mark.parametrize(
    "reference", ["", "INV-24-1", "inv-2024-000123", "REF-2024-000001", "INV-2024-0001234"]
)
def test_malformed_source_references_are_refused(reference):
    with pytest.raises(rules.SourceReferenceError):
        rules.source_kind_of(reference)
    assert not rules.source_reference_valid("investigation", reference)


def test_source_reference_must_match_its_kind():
    assert not rules.source_reference_valid("application", "INV-2022-000123")
    assert not rules.source_reference_valid("investigation", "REV-2022-000123")
    assert rules.source_reference_valid("thematic", "")
    assert not rules.source_reference_valid("thematic", "INV-2022-000123")


@pytest.mark.parametrize(
    ("status", "final", "allowed"),
    [
        ("draft", None, False),
        ("issued", None, True),
        ("accepted", True, False),
        ("accepted", False, True),  # an interim response can be followed by the final one
        ("not_accepted", False, True),
        ("partially_accepted", True, False),
        ("implemented", True, False),
        ("implemented", False, False),
    ],
)
def test_who_can_be_answered(status, final, allowed):
    assert rules.can_respond(status, final) is allowed


@pytest.mark.parametrize(
    ("is_active", "already_on_record", "allowed"),
    [
        (True, False, True),  # an active thematic area is chosen
        (True, True, True),
        (False, True, True),  # retired since it was chosen: it stays
        (False, False, False),  # retired: no longer offered for a new choice
    ],
)
def test_only_an_active_theme_is_chosen_and_a_retired_one_stays(
    is_active, already_on_record, allowed
):
    assert (
        rules.theme_may_be_chosen(is_active=is_active, already_on_record=already_on_record)
        is allowed
    )


def test_a_response_after_a_review_is_due_within_28_days():
    """Paragraph 28ZA with regulation 30: 28 days counted from the day after it was made."""
    assert rules.response_due_on(D(2024, 5, 1), rules.AFTER_REVIEW) == D(2024, 5, 29)
    assert rules.response_due_on(D(2024, 5, 1), rules.LEARNING) == D(2024, 6, 25)
    assert rules.response_due_on(D(2024, 5, 1)) == D(2024, 6, 25)


def test_paragraph_28b_governs_only_statutory_learning_recommendations():
    assert rules.paragraph_28b_applies(rules.LEARNING, True) is True
    assert rules.paragraph_28b_applies(rules.LEARNING, False) is False
    assert rules.paragraph_28b_applies(rules.AFTER_REVIEW, True) is False
    # So no 28B(5) publication deadline for a response after a review.
    assert (
        rules.publication_due_on(
            D(2024, 6, 3),
            is_statutory=True,
            is_final=True,
            representations_made=False,
            kind=rules.AFTER_REVIEW,
        )
        is None
    )


@pytest.mark.parametrize(
    ("kind", "source_kind", "fits"),
    [
        ("after_review", "application", True),
        ("after_review", "investigation", False),
        ("after_review", "thematic", False),
        ("learning", "investigation", True),
        ("learning", "thematic", True),
    ],
)
def test_a_recommendation_after_a_review_comes_from_that_application(kind, source_kind, fits):
    """Paragraph 28ZA: made by the relevant review body on a review (or appeal)."""
    assert rules.kind_fits_source(kind, source_kind) is fits


@pytest.mark.parametrize(
    ("received_on", "by_staff", "reason", "fault"),
    [
        (D(2024, 6, 3), False, "", None),  # a liaison's response today stands
        (D(2024, 6, 2), False, "Posted yesterday", rules.RECEIPT_ONLY_TODAY),
        (D(2024, 6, 3), True, "", None),  # staff recording today's letter need no reason
        (D(2024, 6, 2), True, "  ", rules.RECEIPT_REASON_NEEDED),
        (D(2024, 6, 2), True, "Opened late", None),
    ],
)
def test_paragraph_28b_the_day_of_receipt_is_not_the_recipients_choice(
    received_on, by_staff, reason, fault
):
    """28B(2) and (5) turn on the day of receipt: a liaison's is the day it arrives; staff
    may record an earlier day of a letter, with a reason (issue 14 item 6)."""
    assert (
        rules.receipt_date_fault(
            received_on=received_on, today=D(2024, 6, 3), recorded_by_staff=by_staff, reason=reason
        )
        == fault
    )
