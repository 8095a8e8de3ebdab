"""Error messages of the investigation services: constants that pages, the API and tests share."""

from oversight.core.validation import DateMessages

REFERRAL_UNDECIDED = "Referral {reference} has not been decided yet: record the decision first."
REFERRAL_NOT_INVESTIGATED = (
    "Referral {reference} was decided as {mode}: only a referral decided as independent or "
    "directed can open an investigation."
)
ALREADY_OPEN = "Referral {reference} already has an investigation, {investigation}."
STARTED_REQUIRED = "Enter the date the investigation started."
STARTED_IN_FUTURE = "The start date cannot be in the future."
STARTED_BEFORE_DECISION = (
    "The investigation cannot start before the decision to investigate ({date})."
)
STARTED_AFTER_CHANGE = (
    "The start date cannot be after the next status change ({date}): dates cannot go backwards."
)
AWARE_IN_FUTURE = "The date the matter came to the force's attention cannot be in the future."
AWARE_AFTER_RECEIVED = (
    "The date the matter came to the force's attention cannot be after the referral was "
    "received ({date})."
)
LEGACY_MODE_NOT_ALLOWED = (
    "Supervised and managed are only for matters under the regime before the 2020 reforms "
    "(the referral's regime)."
)
DIRECTED_NOT_ALLOWED = (
    "Directed is only for matters under the 2020 reforms (the referral's regime): choose "
    "supervised or managed."
)
MODE_NOT_INVESTIGATIVE = "Choose independent or directed."
LEAD_NOT_STAFF = "The lead investigator must be a member of casework staff."
STATUS_UNKNOWN = "“{status}” is not a status of an investigation."
ALREADY_IN_STATUS = "The investigation is already {status}."
TRANSITION_NOT_ALLOWED = "An investigation that is {current} cannot move to {new}."
CHANGED_ON_REQUIRED = "Enter the date of the change."
CHANGED_IN_FUTURE = "The date of the change cannot be in the future."
CHANGED_BEFORE_PREVIOUS = (
    "The date cannot be before the last status change ({date}): dates cannot go backwards."
)
COMPLETED_ON_REQUIRED = "Enter the date the investigation was completed."
COMPLETED_IN_FUTURE = "The completion date cannot be in the future."
COMPLETED_BEFORE_PREVIOUS = (
    "The completion date cannot be before the last status change ({date}): dates cannot "
    "go backwards."
)
COMPLETED_ON_WITHOUT_COMPLETION = (
    "A completion date is only for a completed investigation: set the status to completed."
)
OUTCOMES_MISSING = (
    "Record the investigator's opinion on every allegation against every person before "
    "completing the investigation: missing for {names}."
)
PAUSE_REASON_REQUIRED = "Select why the investigation is paused."
PAUSE_REASON_NOT_PAUSED = "A reason for a pause is only for a paused investigation."
NAME_REQUIRED = "Enter the person's name."
FORCE_REQUIRED = "Choose a police force, not a national body."
CHARGING_NEEDS_CPS = "{who}: a charging decision needs a referral to the CPS."
ALLEGATION_REQUIRED = "{who}: describe each allegation."
DETERMINATION_NEEDS_OPINION = (
    "{who}: record the investigator's opinion before the force's determination."
)
UNKNOWN_CHOICE = "{who}: “{value}” is not a valid {what}."
UNKNOWN_SUBJECT = "No person with id {id} is on this investigation."
UNKNOWN_ALLEGATION = "{who}: no allegation with id {id} is against this person."
NOTICE_NEEDS_AWARE_DATE = (
    "Record the date the matter first came to the force's attention: notices count from it."
)
NOTICE_NOT_A_DUE_DATE = "No notice falls due on {due} for this investigation."
NOTICE_NOT_YET_DUE = "The notice due on {due} cannot be recorded before that date."
NOTICE_ALREADY_RECORDED = "The notice due on {due} is already recorded."
NOTICE_ACTION_UNKNOWN = "Select whether the notice was given or withheld."
NOTICE_BEFORE_DUE = "The notice can only be given once its period has ended, on or after {date}."
NOTICE_IN_FUTURE = "The date the notice was given or withheld cannot be in the future."


# The messages of each date, in the order they are checked (oversight.core.validation).
STARTED_ON = DateMessages(
    required=STARTED_REQUIRED,
    future=STARTED_IN_FUTURE,
    later=STARTED_AFTER_CHANGE,
    earlier=STARTED_BEFORE_DECISION,
)
FIRST_AWARE_ON = DateMessages(future=AWARE_IN_FUTURE, later=AWARE_AFTER_RECEIVED)
CHANGED_ON = DateMessages(
    required=CHANGED_ON_REQUIRED, future=CHANGED_IN_FUTURE, earlier=CHANGED_BEFORE_PREVIOUS
)
COMPLETED_ON = DateMessages(
    required=COMPLETED_ON_REQUIRED, future=COMPLETED_IN_FUTURE, earlier=COMPLETED_BEFORE_PREVIOUS
)
ACTIONED_ON = DateMessages(
    required=CHANGED_ON_REQUIRED, future=NOTICE_IN_FUTURE, earlier=NOTICE_BEFORE_DUE
)
CONSEQUENCE_NEEDS_NO_CASE = (
    "{who}: unsatisfactory performance procedures or reflective practice follow only an "
    "opinion or determination of no case to answer."
)
NOTICE_CONTENT_REQUIRED = {
    "progress": "Say how the investigation has progressed (regulation 13(4)).",
    "estimated_completion_on": "Enter the estimated date of completion (regulation 13(4)).",
    "delay_reasons": "Give the reasons for the time the investigation has taken "
    "(regulation 13(4)).",
    "planned_steps": "Summarise the planned steps to bring the investigation to a conclusion "
    "(regulation 13(4)).",
}
