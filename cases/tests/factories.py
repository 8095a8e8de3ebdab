import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases.investigations import rules as investigation_rules
from cases.models import (
    Allegation,
    Determination,
    Investigation,
    InvestigationStatus,
    InvestigationTheme,
    MatterType,
    Mode,
    PauseReason,
    Referral,
    ReferralStatus,
    ReferralType,
    StatusChange,
    Subject,
    Theme,
)
from cases.referrals import rules
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
    first_aware_on = None
    regime_reason = ""
    regime = factory.LazyAttribute(
        lambda o: rules.referral_regime(o.first_aware_on, o.received_on, o.regime_reason)
    )
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
            needed = rules.order_reasons_needed(obj.mode, obj.regime)
            Determination.objects.create(
                referral=obj,
                mode=obj.mode,
                decided_on=obj.decided_on,
                decided_by=obj.created_by,
                **{field: "Reason given in the statutory order." for field in needed},
            )


class ThemeFactory(DjangoModelFactory):
    """The seeded themes by code (made again if a transactional test flushed them)."""

    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = "mental_health"
    name = factory.LazyAttribute(lambda o: o.code.replace("_", " ").capitalize())


class InvestigationFactory(DjangoModelFactory):
    """An open investigation started on 7 May 2024, from a referral received two weeks earlier
    and decided independent. Built directly for speed; the services are tested on their own."""

    class Meta:
        model = Investigation
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"INV-2024-{n + 1:06d}")
    referral = factory.SubFactory(
        DecidedReferralFactory,
        received_on=factory.LazyAttribute(
            lambda o: o.factory_parent.started_on - dt.timedelta(days=14)
        ),
    )
    mode = factory.SelfAttribute("referral.mode")
    mode_decided_on = factory.SelfAttribute("referral.decided_on")
    lead_investigator = factory.SubFactory(CaseworkerFactory)
    started_on = dt.date(2024, 5, 7)
    status = InvestigationStatus.STARTED
    status_changed_on = factory.SelfAttribute("started_on")
    first_aware_on = factory.LazyAttribute(lambda o: o.started_on - dt.timedelta(days=20))
    next_notice_due_on = factory.LazyAttribute(
        lambda o: investigation_rules.next_notice_due(o.first_aware_on, ())
    )
    created_by = factory.SelfAttribute("lead_investigator")
    updated_by = factory.SelfAttribute("created_by")

    @factory.post_generation
    def status_changes(obj, create, extracted, **kwargs):
        if not create:
            return
        StatusChange.objects.create(
            investigation=obj,
            status=InvestigationStatus.STARTED,
            changed_on=obj.started_on,
            changed_by=obj.created_by,
        )
        if obj.status != InvestigationStatus.STARTED:
            StatusChange.objects.create(
                investigation=obj,
                status=obj.status,
                changed_on=obj.status_changed_on,
                pause_reason=obj.pause_reason,
                changed_by=obj.created_by,
            )

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            for theme in extracted:
                InvestigationTheme.objects.create(investigation=obj, theme=theme)


class UnderInvestigationFactory(InvestigationFactory):
    status = InvestigationStatus.UNDER_INVESTIGATION
    status_changed_on = factory.LazyAttribute(lambda o: o.started_on + dt.timedelta(days=7))


class PausedInvestigationFactory(InvestigationFactory):
    status = InvestigationStatus.PAUSED
    status_changed_on = factory.LazyAttribute(lambda o: o.started_on + dt.timedelta(days=30))
    pause_reason = PauseReason.AWAITING_CRIMINAL_PROCEEDINGS


class CompletedInvestigationFactory(InvestigationFactory):
    """Completed five months after it started: within 6 and 12 months."""

    status = InvestigationStatus.COMPLETED
    completed_on = factory.LazyAttribute(lambda o: investigation_rules.add_months(o.started_on, 5))
    status_changed_on = factory.SelfAttribute("completed_on")


class MajorInvestigationFactory(InvestigationFactory):
    is_major = True


class SubjectFactory(DjangoModelFactory):
    class Meta:
        model = Subject

    investigation = factory.SubFactory(InvestigationFactory)
    name = factory.Faker("name", locale="en_GB")
    rank = "Police constable"
    collar_number = factory.Sequence(lambda n: f"PC {1000 + n}")
    organisation = factory.SelfAttribute("investigation.referral.organisation")


class AllegationFactory(DjangoModelFactory):
    class Meta:
        model = Allegation

    subject = factory.SubFactory(SubjectFactory)
    investigation = factory.SelfAttribute("subject.investigation")
    description = factory.Faker("sentence", nb_words=10, locale="en_GB")
    investigator_opinion = ""
    force_determination = ""
