"""Applications built directly for speed (the services are tested on their own).

Derived fields are set by the same rules the services use, so factory rows are what the
services would have saved. References are numbered from 500001 so that they never collide
with those the services allocate in the same test.
"""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from appeals import rules
from appeals.models import (
    Applicant,
    Application,
    FollowUp,
    InvalidReason,
    Result,
    Status,
    Subject,
)
from oversight.core import regime as regime_rules
from oversight.tests.factories import (
    CaseworkerFactory,
    LocalPolicingBodyFactory,
    OrganisationFactory,
)


class ApplicationFactory(DjangoModelFactory):
    """A review received in time, for the oversight body, awaiting its validity check."""

    class Meta:
        model = Application

    reference = factory.LazyAttributeSequence(
        lambda o, n: f"{rules.reference_prefix(o.kind)}-{o.received_on.year}-{n + 500001:06d}"
    )
    organisation = factory.SubFactory(OrganisationFactory)
    force_reference = factory.Sequence(lambda n: f"CO/{n + 100}/24")
    received_on = dt.date(2024, 5, 20)
    complaint_made_on = factory.LazyAttribute(lambda o: o.received_on - dt.timedelta(days=126))
    outcome_notified_on = factory.LazyAttribute(lambda o: o.received_on - dt.timedelta(days=10))
    applicant = Applicant.COMPLAINANT
    subject = Subject.NON_INVESTIGATION_HANDLING
    summary = factory.Faker("sentence", nb_words=12, locale="en_GB")
    about_senior_officer = False
    referred_or_should_have_been = True
    could_justify_proceedings = False
    engages_article_2_or_3 = False
    same_incident = False
    treated_as_referred = False
    regime_reason = ""
    regime = factory.LazyAttribute(
        lambda o: regime_rules.regime_of(o.complaint_made_on, o.regime_reason)
    )
    kind = factory.LazyAttribute(
        lambda o: rules.application_kind(o.complaint_made_on, o.regime_reason)
    )
    apply_by = factory.LazyAttribute(lambda o: rules.apply_by(o.outcome_notified_on))
    review_body = factory.LazyAttribute(
        lambda o: rules.relevant_review_body(
            kind=o.kind,
            subject=o.subject,
            treated_as_referred=o.treated_as_referred,
            about_senior_officer=o.about_senior_officer,
            referred_or_should_have_been=o.referred_or_should_have_been,
            could_justify_proceedings=o.could_justify_proceedings,
            engages_article_2_or_3=o.engages_article_2_or_3,
            same_incident=o.same_incident,
        )
    )
    created_by = factory.SubFactory(CaseworkerFactory)
    updated_by = factory.SelfAttribute("created_by")


class AppealFactory(ApplicationFactory):
    """A complaint made before 1 February 2020: an appeal."""

    complaint_made_on = dt.date(2019, 11, 4)
    outcome_notified_on = dt.date(2020, 3, 2)
    received_on = dt.date(2020, 3, 16)
    subject = Subject.INVESTIGATION_OUTCOME


class LateApplicationFactory(ApplicationFactory):
    """Received the day after the last day to apply (29 April 2024)."""

    outcome_notified_on = dt.date(2024, 4, 1)
    received_on = factory.LazyAttribute(lambda o: o.apply_by + dt.timedelta(days=1))


class ForwardedApplicationFactory(ApplicationFactory):
    """For the local policing body (no criterion holds), forwarded to it."""

    referred_or_should_have_been = False
    status = Status.FORWARDED
    forwarded_to = factory.SubFactory(LocalPolicingBodyFactory)
    forwarded_on = factory.LazyAttribute(lambda o: o.received_on + dt.timedelta(days=2))


class ValidApplicationFactory(ApplicationFactory):
    status = Status.VALID
    is_valid = True
    judged_on = factory.LazyAttribute(lambda o: o.received_on + dt.timedelta(days=3))
    judged_by = factory.SelfAttribute("created_by")


class InvalidApplicationFactory(LateApplicationFactory):
    status = Status.INVALID
    is_valid = False
    invalid_reason = InvalidReason.OUT_OF_TIME
    judged_on = factory.LazyAttribute(lambda o: o.received_on + dt.timedelta(days=3))
    judged_by = factory.SelfAttribute("created_by")


class DecidedApplicationFactory(ValidApplicationFactory):
    """Decided: not upheld (a review: the outcome was reasonable and proportionate)."""

    status = Status.DECIDED
    decided_on = factory.LazyAttribute(lambda o: o.judged_on + dt.timedelta(days=30))
    result = Result.NOT_UPHELD
    decided_by = factory.SelfAttribute("created_by")


class UpheldApplicationFactory(DecidedApplicationFactory):
    result = Result.UPHELD
    follow_up = factory.LazyFunction(lambda: [FollowUp.REINVESTIGATION])
