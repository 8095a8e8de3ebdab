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
    "Supervised and managed are only for matters under the regime before the 2020 reforms "
    "(a complaint made, or a matter that came to the force's attention, before "
    "1 February 2020)."
)
DIRECTED_NOT_ALLOWED = (
    "Directed is only for matters under the 2020 reforms: before them, choose supervised or "
    "managed."
)
REGIME_REASON_NOT_APPLICABLE = (
    "That reason does not apply: the matter is already under the {regime} by its date."
)
REGIME_CHANGE_REFUSED = (
    "The referral is decided as {mode}, which its regime would no longer allow: "
    "record a new decision first."
)
VOLUNTARY_DSI_REFUSED = (
    "A death or serious injury matter must always be referred: it is a mandatory referral, "
    "never voluntary (Schedule 3, paragraph 14C)."
)
WHY_NOT_LOCAL_REQUIRED = (
    "Say why a local investigation is not appropriate: the statutory order considers it first "
    "(Schedule 3, paragraph 15(4A))."
)
WHY_NOT_LOCAL_NOT_APPLICABLE = (
    "Give why local is not appropriate only when choosing an independent or directed "
    "investigation under the 2020 reforms."
)
WHY_NOT_INDEPENDENT_REQUIRED = (
    "Say why a directed investigation is more appropriate than an independent one "
    "(Schedule 3, paragraph 15(4B) and (4C))."
)
WHY_NOT_INDEPENDENT_NOT_APPLICABLE = (
    "Give why directed is more appropriate than independent only when choosing a directed "
    "investigation."
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
