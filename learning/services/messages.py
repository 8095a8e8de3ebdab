"""Error messages of the recommendation services: constants that pages, the API and tests share."""

from learning.models import SourceKind
from oversight.core.validation import DateMessages

# Drafting
STATUS_ON_CREATE = "A new recommendation is either a draft or issued straight away."
SOURCE_KIND_INVALID = "Choose where the recommendation comes from."
SOURCE_REFERENCE_REQUIRED = "Enter the reference of the {kind} the recommendation comes from."
SOURCE_REFERENCE_INVALID = "Enter the {kind}'s reference in the form {example}."
SOURCE_REFERENCE_UNKNOWN = (
    "There is no {kind} {reference} in the system: enter the reference of an existing {kind}."
)
THEMATIC_HAS_NO_REFERENCE = "A recommendation from thematic work has no source reference."
TYPE_INVALID = "“{value}” is not a type of recommendation."
THEME_NOT_LISTED = "Choose a theme from the list of thematic areas."
RECIPIENT_REQUIRED = "Choose the organisation the recommendation is for."
RECIPIENT_INACTIVE = "The recipient is no longer an active organisation."
THEME_REQUIRED = "Choose the theme of the recommendation."
TYPE_REQUIRED = "Choose the type of recommendation."
TEXT_REQUIRED = "Enter the text of the recommendation."
ISSUED_IN_FUTURE = "The date of issue cannot be in the future."
NOT_A_DRAFT = "Only a draft can be changed or issued: {reference} was issued on {issued}."
SOURCE_EXAMPLES = {
    SourceKind.INVESTIGATION: "INV-2024-000123",
    SourceKind.APPLICATION: "APP-2019-000123 (appeal) or REV-2024-000123 (review)",
}

# Follow up
EXTEND_NOT_STATUTORY = "Only a statutory recommendation has a response period to extend."
KIND_INVALID = "Choose whether it is a learning recommendation or one after a review or appeal."
AFTER_REVIEW_FROM_AN_APPLICATION = (
    "A recommendation after a review or appeal comes from that application: choose "
    "“Appeal or review” and give its reference."
)
NOT_PARAGRAPH_28B = (
    "Only a recommendation under paragraph 28A has a response period that paragraph 28B lets "
    "be extended; one after a review or appeal has the 28 days of paragraph 28ZA."
)
EXTEND_NOT_AWAITING = "The recommendation has been responded to: there is nothing to extend."
JUDICIAL_REVIEW_ALREADY = "Judicial review proceedings were recorded as started on {started}."
JUDICIAL_REVIEW_NONE = "No judicial review proceedings are in progress."
JUDICIAL_REVIEW_TOO_LATE = (
    "Proceedings started after the response was due ({due}) do not extend the period "
    "(paragraph 28B(4))."
)
JUDICIAL_REVIEW_STARTED_IN_FUTURE = "The date proceedings started cannot be in the future."
JUDICIAL_REVIEW_STARTED_BEFORE_ISSUE = (
    "Proceedings cannot have started before the recommendation was issued."
)
JUDICIAL_REVIEW_ENDED_IN_FUTURE = "The date proceedings ended cannot be in the future."
JUDICIAL_REVIEW_ENDED_BEFORE_START = "Proceedings cannot have ended before they started."
EXTENSION_REQUEST_LATE = (
    "The request was made after the response period expired on {due}: "
    "an extension can only be granted on a request made before then."
)
EXTENSION_REQUESTED_IN_FUTURE = "The date of the request cannot be in the future."
EXTENSION_REQUESTED_BEFORE_ISSUE = "The request cannot predate the recommendation's issue."
EXTENSION_NOT_LATER = "The new due date must be after the current one ({due})."
NOT_IMPLEMENTABLE = (
    "Only an accepted or partially accepted recommendation can be marked as implemented."
)
IMPLEMENTED_IN_FUTURE = "The date implemented cannot be in the future."
IMPLEMENTED_BEFORE_RESPONSE = "The date implemented cannot be before the response ({date})."
EVIDENCE_REQUIRED = "Describe the evidence that the recommendation has been implemented."

# Responses
RESPOND_TO_DRAFT = "A draft has not been issued, so it cannot be responded to."
ALREADY_FINAL = (
    "The final response to {reference} was recorded on {responded}: it cannot be answered again."
)
RESPONSE_STATUS_INVALID = (
    "“{value}” is not an answer: use accepted, partially_accepted or not_accepted."
)
RESPONSE_REQUIRED = "Enter the organisation's response."
RESPONDED_IN_FUTURE = "The date of the response cannot be in the future."
RESPONDED_BEFORE_ISSUE = "The response cannot be dated before the recommendation was issued."
RESPONDED_BEFORE_PREVIOUS = "The response cannot be dated before the previous one ({date})."
RESPONDED_ONLY_TODAY = (
    "A response sent online is received the day it arrives ({today}): leave the date out."
)
RECEIPT_REASON_REQUIRED = (
    "Say why the response is recorded after the day it was received (for example, a letter "
    "opened late)."
)
ACTION_REQUIRED = "Describe each planned action."
# One response plans at most this many actions; more is a runaway client, not a plan.
MAX_PLANNED_ACTIONS = 50
TOO_MANY_ACTIONS = f"A response can plan at most {MAX_PLANNED_ACTIONS} actions."
ACTION_BEFORE_RESPONSE = "A planned action cannot be due before the date of the response."
RECEIVED_VIA_INVALID = "Choose how the response was received."
PUBLICATION_NOT_DECIDED = (
    "The organisation made representations against publication: decide whether to publish "
    "the response in full, in part or not at all before recording its publication."
)
PUBLICATION_DECIDED_NOT = "It was decided on {decided} that this response is not published."
NO_REPRESENTATIONS = (
    "The organisation made no representations against publication: the response is "
    "published, and there is nothing to decide."
)
ALREADY_DECIDED = "The decision on publication was recorded on {decided}."
NOT_THE_RESPONSE = "An interim reply is not the response, and is not published."
DECISION_INVALID = "Choose whether to publish the response in full, in part or not at all."
PUBLISHED_TEXT_REQUIRED = "Enter the parts of the response to be published."
DECISION_REASONS_REQUIRED = "Give the reasons for the decision."
DECIDED_IN_FUTURE = "The date of the decision cannot be in the future."
DECIDED_BEFORE_RECEIPT = "The decision cannot be dated before the response was received."
ALREADY_PUBLISHED = "This response was published on {published}."
PUBLISHED_IN_FUTURE = "The date of publication cannot be in the future."
PUBLISHED_BEFORE_RECEIPT = "The response cannot be published before it was received."


# The messages of each date, in the order they are checked (oversight.core.validation).
ISSUED_ON = DateMessages(future=ISSUED_IN_FUTURE)
REQUESTED_ON = DateMessages(
    future=EXTENSION_REQUESTED_IN_FUTURE, earlier=EXTENSION_REQUESTED_BEFORE_ISSUE
)
JUDICIAL_REVIEW_STARTED_ON = DateMessages(
    future=JUDICIAL_REVIEW_STARTED_IN_FUTURE, earlier=JUDICIAL_REVIEW_STARTED_BEFORE_ISSUE
)
JUDICIAL_REVIEW_ENDED_ON = DateMessages(
    future=JUDICIAL_REVIEW_ENDED_IN_FUTURE, earlier=JUDICIAL_REVIEW_ENDED_BEFORE_START
)
IMPLEMENTED_ON = DateMessages(future=IMPLEMENTED_IN_FUTURE, earlier=IMPLEMENTED_BEFORE_RESPONSE)
RESPONDED_ON = DateMessages(future=RESPONDED_IN_FUTURE, earlier=RESPONDED_BEFORE_ISSUE)
RESPONDED_ON_AGAIN = DateMessages(earlier=RESPONDED_BEFORE_PREVIOUS)
PUBLISHED_ON = DateMessages(future=PUBLISHED_IN_FUTURE, earlier=PUBLISHED_BEFORE_RECEIPT)
DECIDED_ON = DateMessages(future=DECIDED_IN_FUTURE, earlier=DECIDED_BEFORE_RECEIPT)
