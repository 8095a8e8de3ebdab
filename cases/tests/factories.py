import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases import rules
from cases.models import Determination, MatterType, Mode, Referral, ReferralStatus, ReferralType
from oversight.tests.factories import CaseworkerFactory, OrganisationFactory


class ReferralFactory(DjangoModelFactory):
    """A referral awaiting decision. Built directly for speed; services are tested on their own."""

    class Meta:
        model = Referral

    reference = factory.Sequence(lambda n: f"REF-2024-{n + 1:06d}")
    organisation = factory.SubFactory(OrganisationFactory)
    received_on = dt.date(2024, 5, 1)
    matter_type = MatterType.COMPLAINT
    referral_type = ReferralType.VOLUNTARY
    categories = factory.LazyFunction(list)
    summary = factory.Faker("sentence", nb_words=12, locale="en_GB")
    decision_due_on = factory.LazyAttribute(lambda o: rules.decision_due_on(o.received_on, 3))
    created_by = factory.SubFactory(CaseworkerFactory)
    updated_by = factory.SelfAttribute("created_by")


class DecidedReferralFactory(ReferralFactory):
    class Meta:
        skip_postgeneration_save = True

    status = ReferralStatus.DECIDED
    mode = Mode.INDEPENDENT
    decided_on = factory.LazyAttribute(lambda o: o.decision_due_on)

    @factory.post_generation
    def determination(obj, create, extracted, **kwargs):
        if create:
            Determination.objects.create(
                referral=obj, mode=obj.mode, decided_on=obj.decided_on, decided_by=obj.created_by
            )
