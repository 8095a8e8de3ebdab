import datetime as dt
import itertools

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from appeals.models import Application
from appeals.tests.factories import ApplicationFactory
from cases.models import Investigation, Theme
from cases.tests.factories import InvestigationFactory, ThemeFactory
from learning import rules
from learning.models import (
    PlannedAction,
    ReceivedVia,
    Recommendation,
    RecommendationResponse,
    RecommendationStatus,
    RecommendationType,
    ResponseExtension,
    SourceKind,
)
from oversight.tests.factories import CaseworkerFactory, OrganisationFactory

# 2023 references, apart from the factories' own and those the tests name.
_SOURCE_NUMBERS = itertools.count(1)


def _source_reference(kind: str) -> str:
    if kind == SourceKind.INVESTIGATION:
        return InvestigationFactory(reference=f"INV-2023-{next(_SOURCE_NUMBERS):06d}").reference
    if kind == SourceKind.APPLICATION:
        return ApplicationFactory(reference=f"REV-2023-{next(_SOURCE_NUMBERS):06d}").reference
    return ""


def themed(name: str, **kwargs) -> Theme:
    """The thematic area of that name (a seeded one, or made with a code from the name)."""
    return ThemeFactory(code=slugify(name).replace("-", "_"), name=name, **kwargs)


def _source_record(o, kind: str, model):
    if o.source_kind != kind or not o.source_reference:
        return None
    return model.objects.filter(reference=o.source_reference).first()


class RecommendationFactory(DjangoModelFactory):
    """A complete draft. Built directly for speed; the services are tested on their own.

    References start at 900001 so that they never meet those the services allocate."""

    class Meta:
        model = Recommendation

    reference = factory.Sequence(lambda n: f"REC-2024-{900001 + n:06d}")
    recipient = factory.SubFactory(OrganisationFactory)
    kind = rules.LEARNING
    source_kind = SourceKind.INVESTIGATION
    # The source is a real record, as the services insist (source_record_get), linked as
    # the services link it.
    source_reference = factory.LazyAttribute(lambda o: _source_reference(o.source_kind))
    source_investigation = factory.LazyAttribute(
        lambda o: _source_record(o, SourceKind.INVESTIGATION, Investigation)
    )
    source_application = factory.LazyAttribute(
        lambda o: _source_record(o, SourceKind.APPLICATION, Application)
    )
    theme = factory.LazyFunction(lambda: themed("Custody"))
    type = RecommendationType.TRAINING
    text = factory.Faker("paragraph", nb_sentences=3, locale="en_GB")
    is_statutory = True
    created_by = factory.SubFactory(CaseworkerFactory)
    updated_by = factory.SelfAttribute("created_by")


class IssuedRecommendationFactory(RecommendationFactory):
    """Issued on 1 May 2024; a statutory one is due on 25 June 2024."""

    status = RecommendationStatus.ISSUED
    issued_on = dt.date(2024, 5, 1)
    response_due_on = factory.LazyAttribute(
        lambda o: rules.response_due_on(o.issued_on, o.kind) if o.is_statutory else None
    )


class AfterReviewRecommendationFactory(IssuedRecommendationFactory):
    """After an upheld review (paragraph 28ZA): issued on 1 May 2024, due on 29 May 2024."""

    kind = rules.AFTER_REVIEW
    source_kind = SourceKind.APPLICATION
    is_statutory = True


class OverdueRecommendationFactory(IssuedRecommendationFactory):
    """Issued on 1 March 2024, due on 25 April 2024, unanswered: overdue from 26 April."""

    issued_on = dt.date(2024, 3, 1)
    is_statutory = True


class RespondedRecommendationFactory(IssuedRecommendationFactory):
    """Accepted on 20 May 2024 with one planned action; the response is not yet published."""

    class Meta:
        skip_postgeneration_save = True

    status = RecommendationStatus.ACCEPTED
    responded_on = dt.date(2024, 5, 20)
    response = factory.Faker("paragraph", nb_sentences=2, locale="en_GB")

    @factory.post_generation
    def response_record(obj, create, extracted, **kwargs):
        if not create:
            return
        answer = RecommendationResponseFactory(
            recommendation=obj,
            status=obj.status,
            text=obj.response,
            received_on=obj.responded_on,
            **kwargs,
        )
        PlannedAction.objects.create(
            response=answer,
            description="Refresher training for custody officers",
            due_on=obj.responded_on + dt.timedelta(days=90),
        )


class ImplementedRecommendationFactory(RespondedRecommendationFactory):
    status = RecommendationStatus.IMPLEMENTED
    implemented_on = dt.date(2024, 5, 31)
    implementation_evidence = "Training records for every custody officer."

    @factory.post_generation
    def response_record(obj, create, extracted, **kwargs):
        if create:
            RecommendationResponseFactory(
                recommendation=obj,
                status=RecommendationStatus.ACCEPTED,
                text=obj.response,
                received_on=obj.responded_on,
            )


class RecommendationResponseFactory(DjangoModelFactory):
    class Meta:
        model = RecommendationResponse

    recommendation = factory.SubFactory(IssuedRecommendationFactory)
    status = RecommendationStatus.ACCEPTED
    text = factory.Faker("paragraph", nb_sentences=2, locale="en_GB")
    received_on = dt.date(2024, 5, 20)
    is_final = True
    received_via = ReceivedVia.API
    representations = ""
    publish_by = factory.LazyAttribute(
        lambda o: rules.publication_due_on(
            o.received_on,
            is_statutory=o.recommendation.is_statutory,
            is_final=o.is_final,
            representations_made=bool(o.representations),
        )
    )
    submitted_by = factory.SubFactory(CaseworkerFactory)


class ResponseExtensionFactory(DjangoModelFactory):
    class Meta:
        model = ResponseExtension

    recommendation = factory.SubFactory(IssuedRecommendationFactory)
    requested_on = factory.LazyAttribute(lambda o: o.recommendation.response_due_on)
    previous_due_on = factory.LazyAttribute(lambda o: o.recommendation.response_due_on)
    new_due_on = factory.LazyAttribute(lambda o: o.previous_due_on + dt.timedelta(days=28))
    granted_by = factory.SubFactory(CaseworkerFactory)


def mixed_recommendations(herts, met) -> dict:
    """One of each kind of recommendation, in 2023-24 and 2024-25."""
    extended = IssuedRecommendationFactory(recipient=met, issued_on=dt.date(2024, 3, 1))
    ResponseExtensionFactory(recommendation=extended, new_due_on=dt.date(2024, 6, 30))
    extended.response_due_on = dt.date(2024, 6, 30)
    extended.save()
    return {
        "draft": RecommendationFactory(recipient=herts),
        "issued": IssuedRecommendationFactory(recipient=herts),  # due 25 June 2024
        "overdue": OverdueRecommendationFactory(recipient=herts),  # 2023-24, due 25 April
        "old_overdue": OverdueRecommendationFactory(recipient=met, issued_on=dt.date(2023, 4, 1)),
        "not_statutory": IssuedRecommendationFactory(
            recipient=met, is_statutory=False, issued_on=dt.date(2023, 6, 1)
        ),
        "extended": extended,
        "accepted": RespondedRecommendationFactory(recipient=met),
        "not_accepted": RespondedRecommendationFactory(
            recipient=herts, status="not_accepted", issued_on=dt.date(2024, 4, 2)
        ),
        "late_answer": RespondedRecommendationFactory(
            recipient=herts, issued_on=dt.date(2024, 3, 1), responded_on=dt.date(2024, 5, 30)
        ),
        "implemented": ImplementedRecommendationFactory(recipient=met),
    }
