"""The duties of the worklist, as pure values: their names (the API's `duty`), what each asks
of the case's owner, and when one is overdue. The due dates themselves come from the rules of
each kind of case (cases, appeals, learning), so each duty has one home for its law:

- `mode_decision`: a referral's mode of investigation within 3 working days of receipt
  (cases.referrals.rules; the body's target under Sch. 3 paras 4-5, 13A, 14C).
- `statutory_notice`: the 12-month and then 6-monthly notice on an investigation not
  completed (2020 Regulations reg. 13; cases.investigations.rules).
- `progress_update` and `outcome_notice`: keeping complainants and interested persons
  informed, at least every 28 days while an investigation runs and of its outcome within
  5 working days of completion (reg. 34(2)(a), (b); cases.investigations.rules).
- `application_decision`: an appeal or review to decide; no statutory period applies, so
  the body's own target (appeals.rules.decision_target_on).
- `response_overdue`: a statutory recommendation's response past its due date, to chase
  (Sch. 3 para 28B(2), 28ZA; learning.rules).
- `publication`: a response to publish within 21 days of receipt or of the decision on
  representations (para 28B(5), (7); learning.rules).
"""

import datetime as dt

MODE_DECISION = "mode_decision"
PROGRESS_UPDATE = "progress_update"
OUTCOME_NOTICE = "outcome_notice"
STATUTORY_NOTICE = "statutory_notice"
APPLICATION_DECISION = "application_decision"
RESPONSE_OVERDUE = "response_overdue"
PUBLICATION = "publication"

DUTIES = {
    MODE_DECISION: "Decide the mode of investigation",
    PROGRESS_UPDATE: "Update the complainant or interested person",
    OUTCOME_NOTICE: "Tell the complainant or interested person the outcome",
    STATUTORY_NOTICE: "Give the 12-month or 6-monthly notice",
    APPLICATION_DECISION: "Decide the application",
    RESPONSE_OVERDUE: "Chase the overdue response",
    PUBLICATION: "Publish the response",
}

# The kinds of case a duty is on (the API's `kind`).
REFERRAL = "referral"
INVESTIGATION = "investigation"
APPLICATION = "application"
RECOMMENDATION = "recommendation"
CASE_KINDS = [
    (REFERRAL, "Referral"),
    (INVESTIGATION, "Investigation"),
    (APPLICATION, "Appeal or review"),
    (RECOMMENDATION, "Recommendation"),
]


def is_overdue(due_on: dt.date, today: dt.date) -> bool:
    """A duty is overdue the day after its last day."""
    return today > due_on


def end_of_week(today: dt.date) -> dt.date:
    """The Sunday of this week."""
    return today + dt.timedelta(days=6 - today.weekday())


def due_within(due_on: dt.date, last_day: dt.date) -> bool:
    """Due on or before `last_day` (the end of the week, or of a reminder's horizon)."""
    return due_on <= last_day


ONLY_MANAGERS = "Only a manager can see another person's work or the unallocated queue."


def may_see(*, is_manager: bool, is_self: bool, unallocated: bool) -> bool:
    """Anyone on the staff sees their own work; only a manager sees another person's, or the
    queue of unallocated cases."""
    return is_manager or (is_self and not unallocated)
