"""Investigation rules as pure functions over dates and values: no ORM, no clock.

The one reference for the 6- and 12-month timeliness rules, the ageing bands, the "at risk"
window, the statutory notices to the local policing body, keeping the complainant and
interested persons informed, and the status lifecycle. Pages,
the API, the selectors (through a SQL twin that a parity test checks against these) and the
figures reuse them. The caller always passes `today`.
"""

import datetime as dt
from collections.abc import Collection, Iterable, Mapping

from dateutil.relativedelta import relativedelta

from oversight.core.calendar import add_working_days

SIX_MONTHS = 6
TWELVE_MONTHS = 12
# An open investigation is "at risk" when its 12-month mark is this many days away or fewer.
AT_RISK_DAYS = 30

# Police (Complaints and Misconduct) Regulations 2020, reg. 13: the first relevant period is
# 12 months beginning with the day the matter came to the appropriate authority's attention
# (or the complaint was made); each later one is 6 months. A notice falls due when a period
# ends with the investigation still open, i.e. on first_aware_on + 12, 18, 24 ... months.
FIRST_NOTICE_MONTHS = 12
NOTICE_INTERVAL_MONTHS = 6

# Ageing bands of open investigations, by calendar months since the start.
BAND_UP_TO_6 = "0_6"
BAND_6_TO_12 = "6_12"
BAND_OVER_12 = "over_12"
AGE_BANDS = {
    BAND_UP_TO_6: "0 to 6 months",
    BAND_6_TO_12: "6 to 12 months",
    BAND_OVER_12: "Over 12 months",
}

# Clock states for the 6- and 12-month marks.
CLOCK_MET = "met"
CLOCK_MISSED = "missed"
CLOCK_RUNNING = "running"

# The status lifecycle. Values are those of cases.models.InvestigationStatus.
STARTED = "started"
UNDER_INVESTIGATION = "under_investigation"
REPORT_DRAFTING = "report_drafting"
PAUSED = "paused"
COMPLETED = "completed"
OPEN_STATUSES = frozenset({STARTED, UNDER_INVESTIGATION, REPORT_DRAFTING, PAUSED})

# Where each status may move next. Stages may be skipped forwards (cases are often recorded
# after the fact); report drafting may go back to investigation when new evidence comes in;
# a pause (for example awaiting criminal proceedings) never stops the clock and ends by
# resuming a stage; completed is final.
TRANSITIONS: Mapping[str, frozenset[str]] = {
    STARTED: frozenset({UNDER_INVESTIGATION, REPORT_DRAFTING, PAUSED, COMPLETED}),
    UNDER_INVESTIGATION: frozenset({REPORT_DRAFTING, PAUSED, COMPLETED}),
    REPORT_DRAFTING: frozenset({UNDER_INVESTIGATION, PAUSED, COMPLETED}),
    PAUSED: frozenset({UNDER_INVESTIGATION, REPORT_DRAFTING}),
    COMPLETED: frozenset(),
}

# The headline outcome for a person is the most serious opinion on any of their allegations.
OUTCOME_SEVERITY = ("gross_misconduct", "misconduct", "no_case_to_answer")
NO_CASE_TO_ANSWER = "no_case_to_answer"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later, or that month's last day if it is shorter
    (31 August + 6 months is 28 February, or 29 in a leap year)."""
    return day + relativedelta(months=months)


def earliest_start_reaching(day: dt.date, months: int) -> dt.date:
    """The earliest start whose N-month mark falls on or after `day`.

    add_months never decreases as the start moves later, so the starts whose mark is on or
    after `day` are exactly those on or after this date: a condition on the mark becomes a
    plain range of start dates, which an index on the start date can serve."""
    start = day - relativedelta(months=months)
    while add_months(start - dt.timedelta(days=1), months) >= day:
        start -= dt.timedelta(days=1)
    while add_months(start, months) < day:
        start += dt.timedelta(days=1)
    return start


def completed_within(
    started_on: dt.date, completed_on: dt.date | None, months: int
) -> bool | None:
    """Completed within N months: `completed_on <= started_on + N calendar months`.

    None while the investigation is open.
    """
    if completed_on is None:
        return None
    return completed_on <= add_months(started_on, months)


def within_6_months(started_on: dt.date, completed_on: dt.date | None) -> bool | None:
    """Completed on or before the day 6 calendar months after the start; None while open."""
    return completed_within(started_on, completed_on, SIX_MONTHS)


def within_12_months(started_on: dt.date, completed_on: dt.date | None) -> bool | None:
    """Completed on or before the day 12 calendar months after the start; None while open."""
    return completed_within(started_on, completed_on, TWELVE_MONTHS)


def clock_state(
    started_on: dt.date, completed_on: dt.date | None, months: int, today: dt.date
) -> str:
    """Met (completed by the mark), missed (completed after it, or still open once it has
    passed) or running (open, the mark still ahead or today)."""
    mark = add_months(started_on, months)
    if completed_on is not None:
        return CLOCK_MET if completed_on <= mark else CLOCK_MISSED
    return CLOCK_RUNNING if today <= mark else CLOCK_MISSED


def age_band(started_on: dt.date, today: dt.date) -> str:
    """An open investigation's age: up to 6 months while it could still finish within 6,
    6 to 12 months while it could still finish within 12, then over 12 months."""
    if today <= add_months(started_on, SIX_MONTHS):
        return BAND_UP_TO_6
    if today <= add_months(started_on, TWELVE_MONTHS):
        return BAND_6_TO_12
    return BAND_OVER_12


def days_to_twelve_months(started_on: dt.date, today: dt.date) -> int:
    """Days from today to the 12-month mark (0 on the day itself, negative once passed)."""
    return (add_months(started_on, TWELVE_MONTHS) - today).days


def is_at_risk(started_on: dt.date, completed_on: dt.date | None, today: dt.date) -> bool:
    """Still open, and the 12-month mark is today or within the next 30 days."""
    return completed_on is None and 0 <= days_to_twelve_months(started_on, today) <= AT_RISK_DAYS


def notice_due_on(first_aware_on: dt.date, number: int) -> dt.date:
    """The date the `number`th statutory notice falls due (1: 12 months after the matter came
    to the force's attention; then every 6 months), counted from that date each time so that
    month ends do not drift (31 August: 31 August, 28 February, 31 August ...)."""
    if number < 1:
        raise ValueError("Notices are numbered from 1.")
    return add_months(first_aware_on, FIRST_NOTICE_MONTHS + NOTICE_INTERVAL_MONTHS * (number - 1))


def notice_due_dates(first_aware_on: dt.date | None, through: dt.date) -> list[dt.date]:
    """Every notice due date on or before `through`; none if the date of attention is unknown."""
    if first_aware_on is None:
        return []
    dates = []
    number = 1
    while (due := notice_due_on(first_aware_on, number)) <= through:
        dates.append(due)
        number += 1
    return dates


def notices_required(
    first_aware_on: dt.date | None, completed_on: dt.date | None, today: dt.date
) -> list[dt.date]:
    """Due dates on which the investigation was still unfinished: up to today while open, up to
    the completion date once completed (completing on the due date is not within the period)."""
    return notice_due_dates(first_aware_on, completed_on if completed_on else today)


def next_notice_due(first_aware_on: dt.date | None, given: Collection[dt.date]) -> dt.date | None:
    """The earliest notice due date with no notice recorded against it."""
    if first_aware_on is None:
        return None
    number = 1
    while (due := notice_due_on(first_aware_on, number)) in given:
        number += 1
    return due


def notice_needed(
    next_due_on: dt.date | None, completed_on: dt.date | None, today: dt.date
) -> bool:
    """Open, and a notice has fallen due (today or earlier) that has not been recorded."""
    return completed_on is None and next_due_on is not None and next_due_on <= today


def can_move(current: str, new: str) -> bool:
    """Whether the lifecycle allows moving from `current` to `new`."""
    return new in TRANSITIONS.get(current, frozenset())


def next_statuses(current: str) -> list[str]:
    """The statuses an investigation may move to next, in lifecycle order."""
    order = [STARTED, UNDER_INVESTIGATION, REPORT_DRAFTING, PAUSED, COMPLETED]
    allowed = TRANSITIONS.get(current, frozenset())
    return [status for status in order if status in allowed]


def people_without_outcome(people: Iterable[tuple[str, Iterable[str]]]) -> list[str]:
    """People who face no allegation, or an allegation without the investigator's opinion.

    Takes (name, the investigator's opinions on their allegations, "" where none is recorded
    yet) for each person. An investigation cannot be completed while this is not empty.
    """
    missing = []
    for name, opinions in people:
        opinions = list(opinions)
        if not opinions or not all(opinions):
            missing.append(name)
    return missing


def headline_outcome(opinions: Iterable[str]) -> str:
    """The most serious of a person's outcomes ("" if none is recorded)."""
    recorded = {opinion for opinion in opinions if opinion}
    for outcome in OUTCOME_SEVERITY:
        if outcome in recorded:
            return outcome
    return ""


# The headline timeliness figures are published for independent and directed investigations
# apart. A managed investigation (before the 2020 reforms) is the same form as a directed one:
# the Policing and Crime Act 2017 (Sch. 5 para. 15(5)(b)) substituted "direction" for
# "management" in Sch. 3 para. 15(4)(c), and both are paragraph 18 investigations. A
# supervised one (the old para. 17, repealed) is in neither.
INDEPENDENT = "independent"
DIRECTED = "directed"
HEADLINE_MODES = {INDEPENDENT: (INDEPENDENT,), DIRECTED: (DIRECTED, "managed")}


def headline_mode(mode: str) -> str | None:
    """Which headline figure an investigation counts in: independent, directed (managed ones
    included), or neither (supervised)."""
    for headline, modes in HEADLINE_MODES.items():
        if mode in modes:
            return headline
    return None


def consequence_allowed(outcome: str, consequence: str) -> bool:
    """With no case to answer, the performance may still be dealt with under the unsatisfactory
    performance procedures (Police (Performance) Regulations 2020) or the reflective practice
    review process (Police (Conduct) Regulations 2020, Part 6; Police Reform Act 2002 Sch. 3
    paras 24(6)-(7), 27(4)): consequences of that opinion or determination, not outcomes
    beside it, so one is recorded only with no case to answer."""
    return not consequence or outcome == NO_CASE_TO_ANSWER


# Reg. 13(2): for a directed or independent investigation the oversight body gives the notice
# to the local policing body and, unless the investigation is into the chief officer's own
# conduct, to the chief officer; reg. 13(4): with the progress, an estimate of completion,
# the reasons for the time taken and the planned steps to bring it to a conclusion.
LOCAL_POLICING_BODY = "local_policing_body"
CHIEF_OFFICER = "chief_officer"
NOTICE_CONTENTS = ("progress", "estimated_completion_on", "delay_reasons", "planned_steps")


def notice_recipients(chief_officer_under_investigation: bool) -> list[str]:
    """Whom the oversight body's notice goes to (reg. 13(2)): the local policing body, and the
    chief officer unless the investigation relates to the chief officer's conduct."""
    if chief_officer_under_investigation:
        return [LOCAL_POLICING_BODY]
    return [LOCAL_POLICING_BODY, CHIEF_OFFICER]


def notice_contents_missing(action: str, contents: Mapping[str, object]) -> list[str]:
    """The contents reg. 13(4) requires that a given notice lacks (none for one withheld
    because it might prejudice an investigation)."""
    if action != "given":
        return []
    return [name for name in NOTICE_CONTENTS if not contents.get(name)]


# Keeping the complainant and interested persons informed (2020 Regulations reg. 34, under
# sections 20(5) and 21(10) of the 2002 Act): the progress "promptly and in any event within
# four weeks of the start of the handling" and then "within four weeks of the previous
# notification" (reg. 34(2)(a)); the outcome "promptly and in any event within five working
# days of the outcome" (reg. 34(2)(b)).
PROGRESS_UPDATE_DAYS = 28
OUTCOME_NOTICE_WORKING_DAYS = 5
# Those the duty is owed to (a representative is told on their behalf, so a contact with the
# representative acting for one of them counts as telling them), and the contacts that tell.
INFORMED_ROLES = ("complainant", "interested_person")
PROGRESS_KINDS = ("progress_update", "outcome")
OUTCOME_KIND = "outcome"


def progress_update_due_on(started_on: dt.date, last_told_on: dt.date | None = None) -> dt.date:
    """Reg. 34(2)(a): four weeks after the later of the start and the person's last progress
    update (or outcome) sent to them."""
    since = started_on if last_told_on is None else max(started_on, last_told_on)
    return since + dt.timedelta(days=PROGRESS_UPDATE_DAYS)


def next_update_due_on(
    *, started_on: dt.date, completed_on: dt.date | None, last_told: Iterable[dt.date | None]
) -> dt.date | None:
    """The earliest update owed to any complainant or interested person (each given as the
    day they were last told, or None); None once the investigation is completed (the outcome
    notice is owed then) or when there is no one to tell."""
    if completed_on is not None:
        return None
    due = [progress_update_due_on(started_on, told) for told in last_told]
    return min(due, default=None)


def outcome_notice_due_on(
    completed_on: dt.date,
    closed: Collection[dt.date] = (),
    working_days: int = OUTCOME_NOTICE_WORKING_DAYS,
) -> dt.date:
    """Reg. 34(2)(b): the outcome is told within five working days of it (bank holidays and
    the body's own closed days are not working days)."""
    return add_working_days(completed_on, working_days, closed)
