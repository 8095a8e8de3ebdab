"""Every write of the parties and the contact log: added, changed (the version checked
against the one read), removed, carried from a referral to its investigation, and contacts
logged. Each write is one attributed transaction, so it is in the case's history."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Least
from django.utils import timezone

from oversight.core.casework import messages
from oversight.core.casework.models import CASE_FIELDS, Channel, Contact, Party
from oversight.core.models import User
from oversight.core.services import view_log_record
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, lock_for_update, save_new_version, set_fields

# The same contact posted again this soon is a retry (a client's, or a double submit), not a
# second contact: refused, so that the log does not count one update twice.
RETRY_WINDOW = dt.timedelta(minutes=10)

# What a party's page or API request may set.
PARTY_FIELDS = (
    "role",
    "name",
    "email",
    "phone",
    "address",
    "preferred_language",
    "preferred_channel",
    "reasonable_adjustments",
    "vulnerable",
    "acting_for",
    "consent_on",
)


def case_key(record: models.Model) -> str:
    """The name of the foreign key that points at this kind of case record."""
    name = record._meta.model_name
    if name not in CASE_FIELDS:
        raise ValueError(messages.NOT_A_CASE)
    return name


def case_of(row: Party | Contact) -> models.Model:
    """The case record a party or a contact belongs to."""
    for name in CASE_FIELDS:
        if getattr(row, f"{name}_id") is not None:
            return getattr(row, name)
    raise ValueError(messages.NOT_A_CASE)


def case_received_on(record: models.Model) -> dt.date:
    """The day the case was received: a referral's or application's receipt; for an
    investigation, the receipt of the referral it was opened from."""
    received = getattr(record, "received_on", None)
    return received if received is not None else record.referral.received_on


def _check_party(errors: FieldErrors, party: Party) -> None:
    """What is wrong with the party as it would be saved, into `errors` by field."""
    if not (party.name or "").strip():
        errors["name"] = messages.NAME_REQUIRED
    if party.role not in Party.Role.values:
        errors["role"] = f"Choose one of {', '.join(Party.Role.values)}."
    if party.preferred_language not in Party.Language.values:
        errors["preferred_language"] = "Choose en (English) or cy (Welsh)."
    if party.email:
        try:
            validate_email(party.email)
        except ValidationError as error:
            errors["email"] = error.messages[0]
    if party.role != Party.Role.REPRESENTATIVE:
        if party.acting_for_id is not None:
            errors["acting_for"] = messages.ONLY_REPRESENTATIVES_ACT
        if party.consent_on is not None:
            errors["consent_on"] = messages.ONLY_REPRESENTATIVES_CONSENT
        return
    acting_for = party.acting_for
    key = next(name for name in CASE_FIELDS if getattr(party, f"{name}_id") is not None)
    if acting_for is None:
        errors["acting_for"] = messages.ACTING_FOR_REQUIRED
    elif party.pk is not None and acting_for.pk == party.pk:
        errors["acting_for"] = messages.ACTING_FOR_SELF
    elif getattr(acting_for, f"{key}_id") != getattr(party, f"{key}_id"):
        errors["acting_for"] = messages.ACTING_FOR_NOT_OF_CASE
    elif acting_for.is_representative:
        errors["acting_for"] = messages.ACTING_FOR_REPRESENTATIVE
    errors.check_date("consent_on", party.consent_on, messages.CONSENT_ON)


def party_add(*, actor: User, record: models.Model, today: dt.date, **details) -> Party:
    """Add a person to the case; a representative names the party they act for (of the same
    case) and the date of consent, which is not in the future."""
    party = Party(**{case_key(record): record}, created_by=actor, updated_by=actor)
    set_fields(party, details, allowed=PARTY_FIELDS)
    errors = FieldErrors(today)
    _check_party(errors, party)
    errors.raise_if_any()
    with attributed(actor):
        party.save()
    return party


def party_update(*, actor: User, party: Party, version: int | None, today: dt.date, **changes):
    """Change a person's details, refused (ConflictError) if they changed since `version`."""
    with attributed(actor):
        locked = lock_for_update(party, version=version)
        changed = set_fields(locked, changes, allowed=PARTY_FIELDS)
        errors = FieldErrors(today)
        _check_party(errors, locked)
        errors.raise_if_any()
        if not changed:
            return locked
        return save_new_version(locked, actor=actor)


def party_remove(*, actor: User, party: Party, version: int | None) -> None:
    """Remove a person from the case, unless someone represents them or contacts with them
    are logged (the log is kept); refused if they changed since `version`."""
    with attributed(actor):
        locked = lock_for_update(party, version=version)
        if locked.representatives.exists():
            raise ValidationError({"party": messages.STILL_REPRESENTED.format(name=locked.name)})
        if locked.contacts.exists():
            raise ValidationError({"party": messages.HAS_CONTACTS.format(name=locked.name)})
        locked.delete()


def _parties_carry_locked(*, source: models.Model, target: models.Model, actor: User) -> list:
    """Copy the parties of `source` (a referral) to `target` (the investigation opened from
    it) in the caller's transaction, each representative acting for the copy of the person
    they acted for there."""
    copies: dict[int, Party] = {}
    parties = list(Party.objects.filter(**{case_key(source): source}).order_by("id"))
    # Those represented first, so that every representative's copy can point at theirs.
    for party in sorted(parties, key=lambda p: p.is_representative):
        copy = Party(
            **{case_key(target): target},
            **{name: getattr(party, name) for name in PARTY_FIELDS if name != "acting_for"},
            acting_for=copies.get(party.acting_for_id),
            created_by=actor,
            updated_by=actor,
        )
        copy.save()
        copies[party.pk] = copy
    return list(copies.values())


def contact_record(
    *,
    actor: User,
    record: models.Model,
    today: dt.date,
    party: Party | None,
    on: dt.date | None,
    direction: str,
    channel: str,
    kind: str,
    summary: str = "",
) -> Contact:
    """Log a contact with a party of the case, dated neither in the future nor before the
    case was received."""
    key = case_key(record)
    errors = FieldErrors(today)
    if party is None or getattr(party, f"{key}_id") != record.pk:
        errors["party"] = messages.PARTY_NOT_OF_CASE
    errors.check_date("on", on, messages.CONTACT_ON, earliest=case_received_on(record))
    given = {"direction": direction, "channel": channel, "kind": kind}
    for field, choices in (
        ("direction", Contact.Direction.values),
        ("channel", Channel.values),
        ("kind", Contact.Kind.values),
    ):
        if given[field] not in choices:
            errors[field] = f"Choose one of {', '.join(choices)}."
    errors.raise_if_any()
    contact = {"party": party, "on": on, "direction": direction, "channel": channel}
    contact |= {"kind": kind, "summary": summary}
    with attributed(actor):
        lock_for_update(party)  # two retries at once: the second waits and sees the first
        since = timezone.now() - RETRY_WINDOW
        if Contact.objects.filter(**contact, created_at__gte=since).exists():
            raise ValidationError(messages.CONTACT_ALREADY_LOGGED)
        logged = Contact.objects.create(
            **{key: record},
            **contact,
            recorded_by=actor,
            created_by=actor,
            updated_by=actor,
        )
        if direction == Contact.Direction.OUTBOUND and kind == Contact.Kind.OUTCOME:
            outcome_told_refresh(Party.objects.filter(pk=party.acting_for_id or party.pk))
        return logged


def _first_outcome(**party) -> Subquery:
    told = Contact.objects.filter(
        **party, direction=Contact.Direction.OUTBOUND, kind=Contact.Kind.OUTCOME
    )
    return Subquery(told.order_by("on").values("on")[:1])


def outcome_told_refresh(parties: QuerySet[Party]) -> int:
    """Set each party's `outcome_told_on` from the contact log: the first outbound outcome to
    them or to someone acting for them (a representative is told on their behalf). One
    UPDATE, in the caller's transaction; PostgreSQL's LEAST ignores the side never told."""
    return parties.update(
        outcome_told_on=Least(
            _first_outcome(party=OuterRef("pk")),
            _first_outcome(party__acting_for=OuterRef("pk")),
        )
    )


def view_log_parties(*, user: User, record: models.Model, model, via_api: bool = False):
    """Log that a person read the parties (or the contacts: `model`) of the case, as a read
    of the case itself is logged: one row naming the kind of data and the case."""
    view_log_record(user=user, record=record, via_api=via_api, record_type=model._meta.label)
