"""What a case record's page shows of its people and contacts, and the log of that read."""

from django.urls import reverse

from oversight.core.casework import selectors, services
from oversight.core.casework.models import Contact, Party


def _url(record, step: str, **kwargs) -> str:
    """The URL of a casework page of the record: <noun>-<step> beside its detail page."""
    name = f"{record.detail_url_name.removesuffix('-detail')}-{step}"
    return reverse(name, kwargs={"reference": record.reference, **kwargs})


def casework_context(user, record) -> dict | None:
    """What the People and Contacts sections of a record's page show (templates/oversight/
    _casework.html): None for anyone but casework staff, or a record without parties. The
    caller logs the read (personal data)."""
    if not (user.is_authenticated and user.is_casework_staff) or not selectors.has_parties(record):
        return None
    parties = list(selectors.party_list(record=record))
    return {
        "parties": [
            {
                "party": party,
                "edit_url": _url(record, "party-edit", party_id=party.pk),
                "remove_url": _url(record, "party-remove", party_id=party.pk),
            }
            for party in parties
        ],
        # A contact is with a party: with no parties, there is nothing to look for.
        "contacts": list(selectors.contact_list(record=record)) if parties else [],
        "add_party_url": _url(record, "party-add"),
        "add_contact_url": _url(record, "contact-add"),
    }


def log_casework_read(user, record, casework: dict) -> None:
    """Log the read of the parties and of the contacts the record's page shows (none shown,
    no personal data read: nothing to log)."""
    if casework["parties"]:
        services.view_log_parties(user=user, record=record, model=Party)
    if casework["contacts"]:
        services.view_log_parties(user=user, record=record, model=Contact)
