"""Factories of the parties and the contact log."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from oversight.core.casework.models import Contact, Party
from oversight.core.casework.services import outcome_told_refresh
from oversight.tests.factories import CaseworkerFactory


class PartyFactory(DjangoModelFactory):
    """A complainant, on the referral given (pass referral=, investigation= or application=)."""

    class Meta:
        model = Party

    role = Party.Role.COMPLAINANT
    name = factory.Faker("name", locale="en_GB")
    email = factory.Faker("email")
    preferred_language = Party.Language.ENGLISH


class InterestedPersonFactory(PartyFactory):
    role = Party.Role.INTERESTED_PERSON


class RepresentativeFactory(PartyFactory):
    """A representative; give acting_for (a party of the same case) and the case."""

    role = Party.Role.REPRESENTATIVE
    consent_on = dt.date(2024, 5, 10)


class ContactFactory(DjangoModelFactory):
    """An outbound progress update by email; give party and its case."""

    class Meta:
        model = Contact
        skip_postgeneration_save = True

    on = dt.date(2024, 5, 20)
    direction = Contact.Direction.OUTBOUND
    channel = "email"
    kind = Contact.Kind.PROGRESS_UPDATE
    summary = "Told them where the investigation stands."
    recorded_by = factory.SubFactory(CaseworkerFactory)

    @factory.post_generation
    def told(obj, create, extracted, **kwargs):
        """Keep the party's outcome_told_on as services.contact_record does."""
        if create:
            principal = obj.party.acting_for_id or obj.party_id
            outcome_told_refresh(Party.objects.filter(pk=principal))
