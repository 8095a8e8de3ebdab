"""Reads of the parties and the contact log of a case (the caller logs each read with
services.view_log_parties: personal data)."""

from django.db import models
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404

from oversight.core.casework.models import CASE_FIELDS, Contact, Party

# The order people are listed in: complainants, those acting for someone, the others.
_ROLE_ORDER = Case(
    *(When(role=role, then=Value(i)) for i, role in enumerate(Party.Role.values)),
    output_field=IntegerField(),
)


def has_parties(record: models.Model) -> bool:
    """Whether this kind of case record has parties and a contact log."""
    return record._meta.model_name in CASE_FIELDS


def party_list(*, record: models.Model) -> QuerySet[Party]:
    """The people around the case: complainants first, then representatives and interested
    persons, each by name."""
    return (
        Party.objects.filter(**{record._meta.model_name: record})
        .select_related("acting_for")
        .order_by(_ROLE_ORDER, "name", "id")
    )


def party_get(*, record: models.Model, pk) -> Party:
    """One party of the case, or 404."""
    party = party_list(record=record).filter(pk=pk).first()
    if party is None:
        raise Http404("No such person on this case.")
    return party


def contact_list(*, record: models.Model) -> QuerySet[Contact]:
    """Every contact with the parties of the case, latest first."""
    return (
        Contact.objects.filter(**{record._meta.model_name: record})
        .select_related("party", "recorded_by")
        .order_by("-on", "-id")
    )


def contact_get(*, record: models.Model, pk) -> Contact:
    """One contact of the case, or 404."""
    contact = contact_list(record=record).filter(pk=pk).first()
    if contact is None:
        raise Http404("No such contact on this case.")
    return contact
