"""Keeping the complainant and interested persons informed (2020 Regulations reg. 34(2)): the
SQL twin of rules.next_update_due_on against the rule, the investigation's
`next_update_due_on` in the API and on its page, and the outcome owed on completion."""

import datetime as dt
import random

import pytest
import time_machine

from cases.investigations import rules, selectors
from cases.models import Investigation
from cases.tests.factories import CompletedInvestigationFactory, InvestigationFactory
from oversight.core.casework.models import Contact, Party
from oversight.core.casework.services import contact_record
from oversight.tests.core.casework.factories import (
    ContactFactory,
    PartyFactory,
    RepresentativeFactory,
)
from oversight.tests.helpers import token_client

D = dt.date
pytestmark = pytest.mark.django_db


def _annotated(investigation) -> dt.date | None:
    return (
        Investigation.objects.annotate(due=selectors.next_update_due_on_expression())
        .values_list("due", flat=True)
        .get(pk=investigation.pk)
    )


def untold() -> list:
    return list(Investigation.objects.filter(selectors.outcome_untold_q()))


def _last_told_by_the_rule(person: Party) -> dt.date | None:
    """In Python: the last outbound progress update or outcome to them or to one acting for
    them."""
    told = [
        contact.on
        for contact in Contact.objects.filter(direction="outbound", kind__in=rules.PROGRESS_KINDS)
        if contact.party_id == person.pk or contact.party.acting_for_id == person.pk
    ]
    return max(told, default=None)


def test_reg_34_2_a_next_update_matches_the_rule_over_random_cases(caseworker):
    rng = random.Random(34)
    investigations = []
    for _ in range(12):
        started = D(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 120))
        investigation = InvestigationFactory(started_on=started)
        investigations.append(investigation)
        for _ in range(rng.randrange(0, 3)):
            role = rng.choice(["complainant", "interested_person"])
            person = PartyFactory(investigation=investigation, role=role)
            helper = None
            if rng.random() < 0.4:
                helper = RepresentativeFactory(investigation=investigation, acting_for=person)
            for _ in range(rng.randrange(0, 4)):
                ContactFactory(
                    party=rng.choice([person, helper] if helper else [person]),
                    investigation=investigation,
                    on=started + dt.timedelta(days=rng.randrange(-10, 90)),
                    kind=rng.choice(["progress_update", "outcome", "acknowledgement", "other"]),
                    direction=rng.choice(["outbound", "outbound", "inbound"]),
                )
    for investigation in investigations:
        people = Party.objects.filter(investigation=investigation, role__in=rules.INFORMED_ROLES)
        expected = rules.next_update_due_on(
            started_on=investigation.started_on,
            completed_on=None,
            last_told=[_last_told_by_the_rule(person) for person in people],
        )
        assert _annotated(investigation) == expected, investigation.reference


def test_reg_34_2_a_the_earliest_person_decides_and_a_representative_tells_for_them():
    investigation = InvestigationFactory(started_on=D(2024, 5, 7))
    told = PartyFactory(investigation=investigation)
    family = PartyFactory(investigation=investigation, role="interested_person")
    solicitor = RepresentativeFactory(investigation=investigation, acting_for=family)
    ContactFactory(party=told, investigation=investigation, on=D(2024, 5, 20))
    assert _annotated(investigation) == D(2024, 6, 4)  # the family, untold since the start
    ContactFactory(party=solicitor, investigation=investigation, on=D(2024, 5, 22))
    assert _annotated(investigation) == D(2024, 6, 17)  # 20 May + 28 days
    # A representative is not owed updates of their own.
    RepresentativeFactory(investigation=investigation, acting_for=told, name="Another")
    assert _annotated(investigation) == D(2024, 6, 17)


def test_reg_34_2_a_no_update_is_owed_with_no_one_to_tell_or_once_completed():
    investigation = InvestigationFactory()
    assert _annotated(investigation) is None
    completed = CompletedInvestigationFactory()
    PartyFactory(investigation=completed)
    assert _annotated(completed) is None


def test_reg_34_2_a_the_api_and_the_page_answer_next_update_due_on(caseworker, client_as):
    investigation = InvestigationFactory(owner=caseworker, started_on=D(2024, 5, 7))
    PartyFactory(investigation=investigation)
    url = f"/api/v1/investigations/{investigation.reference}/"
    with time_machine.travel(dt.datetime(2024, 6, 10, 12, tzinfo=dt.UTC), tick=False):
        assert token_client(caseworker).get(url).json()["next_update_due_on"] == "2024-06-04"
        listed = token_client(caseworker).get("/api/v1/investigations/").json()["results"]
        assert listed[0]["next_update_due_on"] == "2024-06-04"
        page = client_as(caseworker).get(f"/investigations/{investigation.reference}/")
    html = page.content.decode()
    assert "Next update due" in html
    assert '4 June 2024 <strong class="govuk-tag govuk-tag--red">Overdue</strong>' in html


def test_reg_34_2_b_the_outcome_is_owed_until_each_person_is_told(caseworker):
    completed = CompletedInvestigationFactory()
    complainant = PartyFactory(investigation=completed)
    family = PartyFactory(investigation=completed, role="interested_person")
    solicitor = RepresentativeFactory(investigation=completed, acting_for=family)
    assert untold() == [completed]
    ContactFactory(party=complainant, investigation=completed, kind="outcome")
    assert untold() == [completed]  # the family is still owed it
    ContactFactory(party=solicitor, investigation=completed, kind="progress_update")
    assert untold() == [completed]  # a progress update is not the outcome
    ContactFactory(party=solicitor, investigation=completed, kind="outcome")
    assert untold() == []


def test_reg_34_2_b_logging_the_outcome_through_the_service_tells_the_person(caseworker):
    completed = CompletedInvestigationFactory()
    family = PartyFactory(investigation=completed, role="interested_person")
    solicitor = RepresentativeFactory(investigation=completed, acting_for=family)
    assert untold() == [completed]
    contact_record(
        actor=caseworker,
        record=completed,
        today=completed.completed_on,
        party=solicitor,
        on=completed.completed_on,
        direction="outbound",
        channel="post",
        kind="outcome",
    )
    family.refresh_from_db()
    assert family.outcome_told_on == completed.completed_on
    assert untold() == []


def test_reg_34_2_b_the_kept_outcome_date_matches_the_contact_log(caseworker):
    """outcome_told_on, kept by the service, against the log itself over random contacts."""
    rng = random.Random(342)
    completed = CompletedInvestigationFactory()
    people = [PartyFactory(investigation=completed) for _ in range(4)]
    helpers = [RepresentativeFactory(investigation=completed, acting_for=p) for p in people[:2]]
    for _ in range(12):
        ContactFactory(
            party=rng.choice(people + helpers),
            investigation=completed,
            on=completed.started_on + dt.timedelta(days=rng.randrange(0, 200)),
            kind=rng.choice(["progress_update", "outcome", "other"]),
            direction=rng.choice(["outbound", "inbound"]),
        )
    for person in people:
        person.refresh_from_db()
        told = [
            c.on
            for c in Contact.objects.filter(direction="outbound", kind="outcome")
            if c.party_id == person.pk or c.party.acting_for_id == person.pk
        ]
        assert person.outcome_told_on == min(told, default=None)
