"""Every message of the parties and the contact log (tests assert on them)."""

from oversight.core.validation import DateMessages

NAME_REQUIRED = "Enter the person’s name."
NOT_A_CASE = "Only referrals, investigations and applications have parties."
ACTING_FOR_REQUIRED = "Choose the person the representative acts for."
ACTING_FOR_NOT_OF_CASE = "The person represented must be a party of this case."
ACTING_FOR_SELF = "A representative cannot act for themselves."
ACTING_FOR_REPRESENTATIVE = "A representative acts for a complainant or an interested person."
ONLY_REPRESENTATIVES_ACT = "Only a representative acts for someone."
ONLY_REPRESENTATIVES_CONSENT = "Only a representative has a date of consent."
CONSENT_ON = DateMessages(
    required="Enter the date the person represented consented.",
    future="The date of consent cannot be in the future.",
)
STILL_REPRESENTED = "{name} has a representative on this case: remove or change them first."
HAS_CONTACTS = "{name} has contacts logged on this case, which are kept: they cannot be removed."
PARTY_NOT_OF_CASE = "Choose a person of this case."
CONTACT_ON = DateMessages(
    required="Enter the date of the contact.",
    future="The date of the contact cannot be in the future.",
    earlier="The date of the contact cannot be before the case was received ({date}).",
)

PARTY_ADDED = "{name} added to {reference}."
PARTY_CHANGED = "{name} changed on {reference}."
PARTY_REMOVED = "{name} removed from {reference}."
CONTACT_ALREADY_LOGGED = (
    "This contact is already logged: the same contact was logged in the last 10 minutes."
)
CONTACT_LOGGED = "Contact with {name} logged on {reference}."
