"""Error messages of the referral services: constants that pages, the API and tests share."""

from oversight.core.validation import DateMessages

RECEIVED_IN_FUTURE = "The date received cannot be in the future."
AWARE_AFTER_RECEIVED = (
    "The date the matter came to the force's attention cannot be after the date received."
)
AWARE_IN_FUTURE = "The date the matter came to the force's attention cannot be in the future."
MANDATORY_NEEDS_CATEGORY = "Select at least one category for a mandatory referral."
RECEIVED_AFTER_DECISION = "The date received cannot be after the first decision ({date})."
MODE_REQUIRED = "Select the mode of investigation."
MODE_UNKNOWN = "“{mode}” is not a mode of investigation."
MODE_UNCHANGED = "The referral is already decided as {mode}: choose a different mode."
LEGACY_MODE_NOT_ALLOWED = (
    "Supervised and managed are only for matters that came to the force's attention "
    "before 1 February 2020."
)
DECIDED_ON_REQUIRED = "Enter the date of the decision."
DECIDED_BEFORE_RECEIVED = "The decision cannot be dated before the referral was received."
DECIDED_IN_FUTURE = "The date of the decision cannot be in the future."
DECIDED_BEFORE_PREVIOUS = "A new decision cannot be dated before the previous one ({date})."


# The messages of each date, in the order they are checked (oversight.core.validation).
RECEIVED_ON = DateMessages(future=RECEIVED_IN_FUTURE, later=RECEIVED_AFTER_DECISION)
FIRST_AWARE_ON = DateMessages(future=AWARE_IN_FUTURE, later=AWARE_AFTER_RECEIVED)
DECIDED_ON = DateMessages(
    required=DECIDED_ON_REQUIRED, future=DECIDED_IN_FUTURE, earlier=DECIDED_BEFORE_RECEIVED
)
DECIDED_ON_AGAIN = DateMessages(earlier=DECIDED_BEFORE_PREVIOUS)
