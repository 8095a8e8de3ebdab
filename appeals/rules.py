"""Appeal and review rules as pure functions over dates and values: no ORM, no clock.

The caller passes `today`. These functions are the one reference for each rule; the
services store what they derive, and the selectors that compare in SQL are checked
against these functions by parity tests.
"""

import datetime as dt
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta

from oversight.core import references, regime

# Complaints made on or after this date are, by date, under the 2020 regime: reviews.
REVIEW_REGIME_START = regime.REFORM_DATE
# "Within 28 days beginning with the day after" the complainant was told the outcome.
APPLICATION_WINDOW_DAYS = 28
# No statute sets a time for deciding an appeal or a review (Police Reform Act 2002 Sch. 3
# paras 6A and 25 set none): the body's own service target, APPLICATION_DECISION_TARGET_DAYS
# in the settings, puts the decision on the worklist.
DECISION_TARGET_DAYS = 90

APPEAL = "appeal"
REVIEW = "review"
OVERSIGHT_BODY = "oversight_body"
LOCAL_POLICING_BODY = "local_policing_body"
CHIEF_OFFICER = "chief_officer"
UPHELD = "upheld"
NON_RECORDING = "non_recording"
SOMEONE_ELSE = "someone_else"  # an applicant who is neither the complainant nor acting for them

# Undecided applications are aged in calendar months since receipt: (label, months).
AGE_BANDS: tuple[tuple[str, int], ...] = (
    ("under_1_month", 0),
    ("1_to_3_months", 1),
    ("3_to_6_months", 3),
    ("6_to_12_months", 6),
    ("over_12_months", 12),
)


def application_kind(complaint_made_on: dt.date, regime_reason: str = "") -> str:
    """The kind follows the complaint's regime (SI 2020/5 reg. 3; SI 2020/2 reg. 2): an
    appeal under the 2012 Regulations for an old-regime complaint, a review under Schedule 3
    (paras 6A and 25) for a 2020-regime one. By date, a complaint made before 1 February 2020
    is an appeal; a new complaint linked to an earlier matter still being handled stays an
    appeal, and a re-investigation (s. 13B) or a s. 28A direction brings an old one under
    reviews."""
    return (
        APPEAL if regime.regime_of(complaint_made_on, regime_reason) == regime.PRE_2020 else REVIEW
    )


def reference_prefix(kind: str) -> str:
    """APP for appeals, REV for reviews."""
    return references.APPEAL if kind == APPEAL else references.REVIEW


def apply_by(outcome_notified_on: dt.date) -> dt.date:
    """The last day of the 28 days beginning with the day after the outcome was notified."""
    return outcome_notified_on + dt.timedelta(days=APPLICATION_WINDOW_DAYS)


def decision_target_on(received_on: dt.date, days: int = DECISION_TARGET_DAYS) -> dt.date:
    """The body's target for deciding an application: `days` after it was received (no
    statutory period applies; Sch. 3 paras 6A and 25)."""
    return received_on + dt.timedelta(days=days)


def made_on(received_on: dt.date, first_received_on: dt.date | None = None) -> dt.date:
    """The day an application counts as made: the day the body it was first made to received
    it, when it was forwarded here (2020 Regulations reg. 29(3); Schedule 3 para. 32(3) for
    appeals), otherwise the day it was received."""
    return first_received_on or received_on


def made_in_time(
    outcome_notified_on: dt.date, received_on: dt.date, first_received_on: dt.date | None = None
) -> bool:
    """Made in time when made on or before the 28th day after notification. An application
    first made to another body and forwarded counts to the day that body received it: the
    time before forwarding is disregarded (Police (Complaints and Misconduct) Regulations
    2020 reg. 29(3) for reviews; Schedule 3 para. 32(3) as it stood for appeals)."""
    return made_on(received_on, first_received_on) <= apply_by(outcome_notified_on)


def relevant_review_body(
    *,
    kind: str,
    about_senior_officer: bool,
    referred_or_should_have_been: bool,
    could_justify_proceedings: bool,
    engages_article_2_or_3: bool,
    same_incident: bool,
    treated_as_referred: bool,
    subject: str = "",
) -> str:
    """Who decides the application.

    The oversight body where any part of the complaint is about a senior officer, was or
    should have been referred to it, is being treated by it as referred, is one the force
    could not satisfy itself (from the complaint alone) would not justify criminal or
    disciplinary proceedings, engages Articles 2 or 3, or arises from the same incident as
    such a complaint (2020 Regulations reg. 32; for appeals the 2012 Regulations reg. 11 and
    Schedule 3 para. 25 as it then stood). An appeal against a decision not to record a
    complaint always lay to the oversight body (Schedule 3 para. 3(3) before 2020).
    Otherwise the local policing body reviews; before 2020 the chief officer heard appeals.
    """
    if subject == NON_RECORDING:
        return OVERSIGHT_BODY
    if (
        about_senior_officer
        or referred_or_should_have_been
        or treated_as_referred
        or could_justify_proceedings
        or engages_article_2_or_3
        or same_incident
    ):
        return OVERSIGHT_BODY
    return CHIEF_OFFICER if kind == APPEAL else LOCAL_POLICING_BODY


def forwarding_problem(
    *,
    review_body: str,
    to_id: int,
    to_is_local_policing_body: bool,
    force_id: int,
    force_local_policing_body_id: int | None,
) -> str:
    """Whether an application can be forwarded to this organisation: empty when it can.

    An application for another review body is forwarded to it, never rejected: a review to
    the local policing body of the force's police area (Schedule 3 paras 6A and 25; 2020
    Regulations reg. 32), an appeal before 2020 to the chief officer of the force that
    handled the complaint (its appropriate authority). Where the force's local policing body
    is known, it is that one.
    """
    if review_body == CHIEF_OFFICER:
        return "" if to_id == force_id else "chief_officer"
    if not to_is_local_policing_body:
        return "local_policing_body"
    if force_local_policing_body_id is not None and to_id != force_local_policing_body_id:
        return "wrong_local_policing_body"
    return ""


def subject_allowed(subject: str, kind: str) -> bool:
    """Non-recording could be appealed before February 2020; it cannot be reviewed after."""
    return not (subject == NON_RECORDING and kind != APPEAL)


def validity_problems(
    *,
    is_valid: bool,
    invalid_reason: str,
    in_time: bool,
    special_circumstances: str,
    applicant: str,
) -> dict[str, str]:
    """What stops a validity judgement standing, by field: empty when it can be recorded."""
    problems = {}
    if is_valid:
        if invalid_reason:
            problems["invalid_reason"] = "no_reason_when_valid"
        if not in_time and not special_circumstances.strip():
            problems["special_circumstances"] = "late_needs_special_circumstances"
        if applicant == SOMEONE_ELSE:
            problems["applicant"] = "not_by_or_for_complainant"
    elif not invalid_reason:
        problems["invalid_reason"] = "reason_required"
    return problems


def suggested_invalid_reason(*, in_time: bool, applicant: str) -> str:
    """The reason that the facts recorded point to, if any (the caseworker still decides)."""
    if applicant == SOMEONE_ELSE:
        return "not_complainant"
    if not in_time:
        return "out_of_time"
    return ""


def is_upheld(result: str) -> bool | None:
    """Upheld (a review: the outcome was not reasonable and proportionate); None if undecided."""
    if not result:
        return None
    return result == UPHELD


def result_label(kind: str, result: str) -> str:
    """The decision in the words of the regime: reviews speak of reasonable and proportionate."""
    if not result:
        return ""
    if kind == REVIEW:
        if result == UPHELD:
            return "Not reasonable and proportionate (upheld)"
        return "Reasonable and proportionate (not upheld)"
    return "Upheld" if result == UPHELD else "Not upheld"


def age_band_thresholds(today: dt.date) -> list[tuple[str, dt.date]]:
    """Each age band with the latest receipt date old enough to be in it (or an older band)."""
    return [(label, today - relativedelta(months=months)) for label, months in AGE_BANDS]


def age_band(received_on: dt.date, today: dt.date) -> str:
    """The age band of an undecided application, by whole calendar months since receipt."""
    band = AGE_BANDS[0][0]
    for label, latest in age_band_thresholds(today):
        if received_on <= latest:
            band = label
    return band


def age_in_days(received_on: dt.date, today: dt.date) -> int:
    """Days since receipt."""
    return (today - received_on).days


def count_by_band(received: Iterable[dt.date], today: dt.date) -> dict[str, int]:
    """How many of these receipt dates fall in each age band."""
    counts = {label: 0 for label, _ in AGE_BANDS}
    for received_on in received:
        counts[age_band(received_on, today)] += 1
    return counts
