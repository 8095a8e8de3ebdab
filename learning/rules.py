"""Recommendation rules as pure functions over dates and values: no ORM, no clock.

Paragraph 28B of Schedule 3 to the Police Reform Act 2002 (the duty to respond to a
recommendation made under the power in paragraph 28A): the recipient must respond in writing
before the end of the period of 56 days beginning with the day the recommendation was made
(28B(2)); the Director General may extend that period on an application received before it
ends (28B(3)); proceedings for judicial review of the recommendation started within the period
extend it by however many days they are in progress (28B(4)); and, on receiving the response,
must publish it within the period of 21 days beginning with the day of receipt (28B(5)) unless
the recipient made representations at the time of responding that it, or parts of it, should
not be published (28B(6)), which the Director General then decides: publish it in full, in
part, or not at all (28B(7)).

A recommendation the relevant review body makes after a review or appeal (paragraph 28ZA, with
regulation 30 of the Police (Complaints and Misconduct) Regulations 2020) is a kind of its
own: the person it is made to must respond in writing within 28 days, saying whether they
accept it and what they will do; 28B's extensions and publication duty do not apply to it.
"""

import datetime as dt
import re

from oversight.core import references

# "The end of 56 days beginning with" the issue day: the issue day is day 1 (28B(2)).
STATUTORY_RESPONSE_DAYS = 56
# "Within the period of 21 days beginning with the day" of receipt: receipt is day 1 (28B(5)).
PUBLICATION_DAYS = 21
# A response to a recommendation after a review or appeal: 28 days, counted from the day
# after it was made (regulation 30 with paragraph 28ZA), so the last day is made + 28.
AFTER_REVIEW_RESPONSE_DAYS = 28

# The kinds of recommendation: a learning recommendation (statutory under paragraph 28A, or
# not), and one made after a review or appeal (paragraph 28ZA).
LEARNING = "learning"
AFTER_REVIEW = "after_review"

DRAFT = "draft"
ISSUED = "issued"
ACCEPTED = "accepted"
PARTIALLY_ACCEPTED = "partially_accepted"
NOT_ACCEPTED = "not_accepted"
IMPLEMENTED = "implemented"

# The answers a recipient can give, and what counts for the acceptance rate.
RESPONSE_STATUSES = frozenset({ACCEPTED, PARTIALLY_ACCEPTED, NOT_ACCEPTED})
RESPONDED_STATUSES = RESPONSE_STATUSES | {IMPLEMENTED}
ACCEPTED_STATUSES = frozenset({ACCEPTED, PARTIALLY_ACCEPTED, IMPLEMENTED})
IMPLEMENTABLE_STATUSES = frozenset({ACCEPTED, PARTIALLY_ACCEPTED})

# The decisions on a recipient's representations against publication (28B(7)).
PUBLISH_IN_FULL = "in_full"
PUBLISH_IN_PART = "in_part"
NOT_PUBLISHED = "not_published"
PUBLICATION_DECISIONS = frozenset({PUBLISH_IN_FULL, PUBLISH_IN_PART, NOT_PUBLISHED})

INVESTIGATION = "investigation"
APPLICATION = "application"
THEMATIC = "thematic"
# A source reference is the investigation's or application's (appeal or review) reference.
SOURCE_PREFIXES = {
    references.INVESTIGATION: INVESTIGATION,
    references.APPEAL: APPLICATION,
    references.REVIEW: APPLICATION,
}
SOURCE_REFERENCE_RE = re.compile(references.reference_pattern(*SOURCE_PREFIXES))


def response_due_on(issued_on: dt.date, kind: str = LEARNING) -> dt.date:
    """Paragraph 28B(2): due by the end of 56 days beginning with the issue day (issue + 55).
    After a review or appeal (paragraph 28ZA, regulation 30): within 28 days (issue + 28)."""
    if kind == AFTER_REVIEW:
        return issued_on + dt.timedelta(days=AFTER_REVIEW_RESPONSE_DAYS)
    return issued_on + dt.timedelta(days=STATUTORY_RESPONSE_DAYS - 1)


def paragraph_28b_applies(kind: str, is_statutory: bool) -> bool:
    """Paragraph 28B (extension on request, judicial review, publication) governs only the
    response to a recommendation made under paragraph 28A, not one after a review (28ZA)."""
    return is_statutory and kind == LEARNING


def kind_fits_source(kind: str, source_kind: str) -> bool:
    """A recommendation after a review or appeal (paragraph 28ZA) comes from that application;
    a learning recommendation from any source."""
    return kind != AFTER_REVIEW or source_kind == APPLICATION


def extension_request_in_time(requested_on: dt.date, due_on: dt.date) -> bool:
    """Paragraph 28B(3): an extension only on an application received before the period ends."""
    return requested_on <= due_on


def judicial_review_extends_period(started_on: dt.date, due_on: dt.date) -> bool:
    """Paragraph 28B(4): only proceedings for judicial review of the recommendation started
    during the period allowed for the response (extended or not) extend it."""
    return started_on <= due_on


def judicial_review_pending(started_on: dt.date | None, ended_on: dt.date | None) -> bool:
    """Proceedings for judicial review have started and not yet ended (28B(4))."""
    return started_on is not None and ended_on is None


def due_on_after_judicial_review(
    due_on: dt.date, started_on: dt.date, ended_on: dt.date
) -> dt.date:
    """Paragraph 28B(4): the period is extended by however many days the proceedings are in
    progress, counting the day they start and the day they end (both are days in progress)."""
    return due_on + dt.timedelta(days=(ended_on - started_on).days + 1)


def is_overdue(
    *,
    status: str,
    is_statutory: bool,
    responded_on: dt.date | None,
    due_on: dt.date | None,
    today: dt.date,
    judicial_review_pending: bool = False,
) -> bool:
    """Statutory, issued, still unanswered, and the (possibly extended) due date has passed;
    never while judicial review proceedings that extend the period are in progress (28B(4))."""
    return (
        status != DRAFT
        and is_statutory
        and responded_on is None
        and due_on is not None
        and not judicial_review_pending
        and today > due_on
    )


def days_until_due(due_on: dt.date | None, today: dt.date) -> int | None:
    """Days left to respond (negative once overdue); None when no response is due by law."""
    if due_on is None:
        return None
    return (due_on - today).days


def publication_due_on(
    received_on: dt.date,
    *,
    is_statutory: bool,
    is_final: bool,
    representations_made: bool,
    kind: str = LEARNING,
) -> dt.date | None:
    """Paragraph 28B(5): the response to a statutory recommendation is published within the
    period of 21 days beginning with the day it was received (the day of receipt is day 1, so
    the last day is receipt + 20). None when there is no such deadline: no statutory duty, an
    interim reply (not the response 28B(2) requires), or representations against publication
    made with it (28B(6)), which wait for a decision (publication_due_after_decision); and a
    response after a review (paragraph 28ZA), which 28B(5) does not cover."""
    if not paragraph_28b_applies(kind, is_statutory) or not is_final or representations_made:
        return None
    return received_on + dt.timedelta(days=PUBLICATION_DAYS - 1)


def publication_due_after_decision(decision: str, decided_on: dt.date) -> dt.date | None:
    """Paragraph 28B(7): on representations the Director General decides to publish the
    response in full, in part, or not at all. The Act sets no period for publishing after the
    decision; the body holds itself to the 21 days of 28B(5), counted from the decision."""
    if decision not in (PUBLISH_IN_FULL, PUBLISH_IN_PART):
        return None
    return decided_on + dt.timedelta(days=PUBLICATION_DAYS - 1)


def is_publication_overdue(
    publish_by: dt.date | None, published_on: dt.date | None, today: dt.date
) -> bool:
    """A response with a publication deadline that has passed without being published."""
    return publish_by is not None and published_on is None and today > publish_by


class SourceReferenceError(ValueError):
    """Not an investigation's or application's reference (INV-2024-000123, APP-…, REV-…)."""


def source_kind_of(reference: str) -> str:
    """The kind of source a reference names: investigation (INV-) or application (APP-, REV-).

    Raises SourceReferenceError for anything that is not such a reference."""
    if not SOURCE_REFERENCE_RE.match(reference or ""):
        raise SourceReferenceError(reference)
    return SOURCE_PREFIXES[reference[:3]]


def source_reference_valid(kind: str, reference: str) -> bool:
    """Thematic work has no reference; an investigation or application has one of its kind."""
    if kind == THEMATIC:
        return reference == ""
    try:
        return source_kind_of(reference) == kind
    except SourceReferenceError:
        return False


def theme_may_be_chosen(*, is_active: bool, already_on_record: bool) -> bool:
    """A recommendation's theme is one of the thematic areas, an editable list, never free
    text (DESIGN "Learning recommendations"; issue 12 item 5): only an active one is chosen,
    and a theme since retired stays on a recommendation that already has it."""
    return is_active or already_on_record


def can_respond(status: str, current_response_final: bool | None) -> bool:
    """Issued and unanswered, or answered only provisionally (an interim response)."""
    if status == ISSUED:
        return True
    return status in RESPONSE_STATUSES and current_response_final is False


# Why a receipt date may differ from the day it was recorded (receipt_date_fault).
RECEIPT_ONLY_TODAY = "only_today"
RECEIPT_REASON_NEEDED = "reason_needed"


def receipt_date_fault(
    *, received_on: dt.date, today: dt.date, recorded_by_staff: bool, reason: str
) -> str | None:
    """Whether a response's date of receipt may stand (issue 14 item 6).

    Whether the response came "before the end of the period of 56 days" (28B(2)) and when the
    21 days to publish it begin (28B(5)) both turn on the day it was received, so the
    recipient cannot choose it: a response sent online or through the API is received the day
    it arrives. Staff recording a letter or email may give an earlier day of receipt, and say
    why it is recorded late; the reason stays with the response."""
    if received_on >= today:
        return None
    if not recorded_by_staff:
        return RECEIPT_ONLY_TODAY
    if not reason.strip():
        return RECEIPT_REASON_NEEDED
    return None
