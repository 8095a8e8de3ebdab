"""Error messages of the application services, as constants that pages, the API and tests share."""

from oversight.core.validation import DateMessages

RECEIVED_IN_FUTURE = "The date the application was received cannot be in the future."
RECEIVED_BEFORE_NOTIFIED = (
    "The application cannot have been received before the complainant was told the outcome."
)
NOTIFIED_BEFORE_COMPLAINT = (
    "The complainant cannot have been told the outcome before the complaint was made."
)
NON_RECORDING_NOT_REVIEWABLE = (
    "Only complaints under the old regime (made before 1 February 2020, or linked to an "
    "earlier matter still being handled) can be appealed for non-recording: a decision not "
    "to record a later complaint cannot be reviewed."
)
UNKNOWN_CHOICE = "“{value}” is not one of the choices."
FIRST_RECEIVED_BY_REQUIRED = (
    "Select the body the application was first made to, or leave out the date it received it."
)
FIRST_RECEIVED_BY_NOT_POLICING_BODY = (
    "The body the application was first made to must be a police force or a local policing body."
)
FIRST_RECEIVED_ON_REQUIRED = "Enter the date the body it was first made to received it."
FIRST_RECEIVED_IN_FUTURE = "The date first received by another body cannot be in the future."
FIRST_RECEIVED_AFTER_RECEIVED = (
    "The date first received by another body must be the same as or before the date the "
    "application was received here ({date})."
)
FIRST_RECEIVED_BEFORE_NOTIFIED = (
    "The date first received by another body cannot be before the complainant was told the "
    "outcome ({date})."
)

FORWARD_NOT_NEEDED = (
    "The oversight body is the relevant review body for this application: "
    "it is dealt with here, not forwarded."
)
FORWARD_AFTER_JUDGED = "The application has already been judged, so it can no longer be forwarded."
ALREADY_FORWARDED = "The application was forwarded to {to} on {on}."
FORWARDED_TO_REQUIRED = "Select who the application was forwarded to."
FORWARDED_TO_LOCAL_POLICING_BODY = (
    "A review that is not for the oversight body is forwarded to the local policing body: "
    "select it."
)
FORWARDED_TO_WRONG_LOCAL_POLICING_BODY = (
    "The local policing body for {force} is {body}: forward the application to them."
)
FORWARDED_TO_CHIEF_OFFICER = (
    "An appeal that is not for the oversight body goes to the chief officer of the force "
    "that handled the complaint: select {force}."
)
FORWARDED_ON_REQUIRED = "Enter the date the application was forwarded."
FORWARDED_IN_FUTURE = "The date forwarded cannot be in the future."
FORWARDED_BEFORE_RECEIVED = "The application cannot be forwarded before it was received."

NOT_OUR_APPLICATION = (
    "The relevant review body is {body}: forward the application to them instead of "
    "judging it here."
)
VALIDITY_REQUIRED = "Select whether the application is valid."
INVALID_REASON_REQUIRED = "Select why the application is invalid."
NO_REASON_WHEN_VALID = "A valid application has no reason for being invalid."
OTHER_REASON_NEEDS_NOTES = "Explain why the application is invalid."
LATE_NEEDS_SPECIAL_CIRCUMSTANCES = (
    "The application was made late: record the special circumstances for accepting it, "
    "or judge it invalid."
)
APPLICANT_NOT_ENTITLED = (
    "The application was not made by the complainant or by someone acting for them with "
    "their consent, so it cannot be valid."
)
JUDGED_ON_REQUIRED = "Enter the date validity was judged."
JUDGED_IN_FUTURE = "The date validity was judged cannot be in the future."
JUDGED_BEFORE_RECEIVED = "Validity cannot be judged before the application was received."
JUDGED_AFTER_DECISION = "The application has been decided, so its validity can no longer change."

NOT_JUDGED = "Judge the application valid before deciding it."
DECIDE_INVALID = "The application was judged invalid, so it cannot be decided."
ALREADY_DECIDED = "The application was already decided on {decided}: it is decided only once."
RESULT_REQUIRED = "Select the decision."
DECIDED_ON_REQUIRED = "Enter the date of the decision."
DECIDED_IN_FUTURE = "The date of the decision cannot be in the future."
DECIDED_BEFORE_JUDGED = (
    "The decision cannot be dated before the application was judged valid ({date})."
)
FOLLOW_UP_REQUIRED = "Select the follow-up directed now that the application is upheld."
FOLLOW_UP_ONLY_WHEN_UPHELD = "Follow-up is directed only when the application is upheld."

KIND_FIXED_AFTER_DECISION = (
    "The application was decided as {kind}: the date the complaint was made cannot change "
    "that now."
)
REVIEW_BODY_FIXED = (
    "The application has been {done}, so the criteria can no longer change the relevant "
    "review body (it would become {body})."
)
NOW_LATE_BUT_ACCEPTED = (
    "With these dates the application was made late, but it was accepted as made in time: "
    "judge its validity again, recording the special circumstances, before changing them."
)
KIND_WITH_ARTICLE = {"appeal": "an appeal", "review": "a review"}
RECEIVED_AFTER_JUDGED = "The date received cannot be after validity was judged ({date})."

FORWARDING_MESSAGES = {
    "local_policing_body": FORWARDED_TO_LOCAL_POLICING_BODY,
    "wrong_local_policing_body": FORWARDED_TO_WRONG_LOCAL_POLICING_BODY,
    "chief_officer": FORWARDED_TO_CHIEF_OFFICER,
}

VALIDITY_MESSAGES = {
    "no_reason_when_valid": NO_REASON_WHEN_VALID,
    "late_needs_special_circumstances": LATE_NEEDS_SPECIAL_CIRCUMSTANCES,
    "not_by_or_for_complainant": APPLICANT_NOT_ENTITLED,
    "reason_required": INVALID_REASON_REQUIRED,
}


# The messages of each date, in the order they are checked (oversight.core.validation).
RECEIVED_ON = DateMessages(
    future=RECEIVED_IN_FUTURE, later=RECEIVED_AFTER_JUDGED, earlier=RECEIVED_BEFORE_NOTIFIED
)
OUTCOME_NOTIFIED_ON = DateMessages(earlier=NOTIFIED_BEFORE_COMPLAINT)
FIRST_RECEIVED_ON = DateMessages(
    future=FIRST_RECEIVED_IN_FUTURE,
    later=FIRST_RECEIVED_AFTER_RECEIVED,
    earlier=FIRST_RECEIVED_BEFORE_NOTIFIED,
)
FORWARDED_ON = DateMessages(
    required=FORWARDED_ON_REQUIRED, future=FORWARDED_IN_FUTURE, earlier=FORWARDED_BEFORE_RECEIVED
)
JUDGED_ON = DateMessages(
    required=JUDGED_ON_REQUIRED, future=JUDGED_IN_FUTURE, earlier=JUDGED_BEFORE_RECEIVED
)
DECIDED_ON = DateMessages(
    required=DECIDED_ON_REQUIRED, future=DECIDED_IN_FUTURE, earlier=DECIDED_BEFORE_JUDGED
)
REGIME_REASON_DOES_NOT_APPLY = (
    "That reason does not apply: a complaint made before 1 February 2020 can only be brought "
    "under the 2020 regime by a re-investigation or a section 28A direction, and one made on "
    "or after it can only stay under the old regime if it is linked to an earlier matter "
    "still being handled"
)
