"""The services of the parties and the contact log."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from appeals.tests.factories import ApplicationFactory
from cases.investigations import services as investigation_services
from cases.tests.factories import DecidedReferralFactory, InvestigationFactory, ReferralFactory
from oversight.core.casework import messages, services
from oversight.core.casework.models import Contact, Party
from oversight.core.errors import ConflictError
from oversight.core.history import history_of
from oversight.tests.core.casework.factories import (
    ContactFactory,
    PartyFactory,
    RepresentativeFactory,
)

pytestmark = pytest.mark.django_db
D = dt.date


def add(actor, record, today, **overrides):
    data = {"role": Party.Role.COMPLAINANT, "name": "Sam Jones"}
    return services.party_add(actor=actor, record=record, today=today, **{**data, **overrides})


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


@pytest.mark.parametrize("factory", [ReferralFactory, InvestigationFactory, ApplicationFactory])
def test_a_party_is_added_to_each_kind_of_case(caseworker, today, factory):
    record = factory()
    party = add(caseworker, record, today, preferred_language="cy", vulnerable=True)
    assert party.version == 1
    assert list(record.parties.all()) == [party]
    assert (party.preferred_language, party.vulnerable) == ("cy", True)


def test_a_party_without_a_name_is_refused_and_nothing_saved(caseworker, today):
    referral = ReferralFactory()
    with pytest.raises(ValidationError) as excinfo:
        add(caseworker, referral, today, name="  ")
    assert errors_of(excinfo) == {"name": [messages.NAME_REQUIRED]}
    assert not Party.objects.exists()


def test_a_representative_needs_the_person_they_act_for_and_the_consent(caseworker, today):
    referral = ReferralFactory()
    with pytest.raises(ValidationError) as excinfo:
        add(caseworker, referral, today, role=Party.Role.REPRESENTATIVE)
    assert errors_of(excinfo) == {
        "acting_for": [messages.ACTING_FOR_REQUIRED],
        "consent_on": [messages.CONSENT_ON.required],
    }


def test_a_representatives_consent_cannot_be_in_the_future(caseworker, today):
    referral = ReferralFactory()
    complainant = PartyFactory(referral=referral)
    with pytest.raises(ValidationError) as excinfo:
        add(
            caseworker,
            referral,
            today,
            role=Party.Role.REPRESENTATIVE,
            acting_for=complainant,
            consent_on=today + dt.timedelta(days=1),
        )
    assert errors_of(excinfo) == {"consent_on": [messages.CONSENT_ON.future]}


def test_a_representative_acts_for_a_party_of_the_same_case(caseworker, today):
    referral = ReferralFactory()
    elsewhere = PartyFactory(referral=ReferralFactory())
    with pytest.raises(ValidationError) as excinfo:
        add(
            caseworker,
            referral,
            today,
            role=Party.Role.REPRESENTATIVE,
            acting_for=elsewhere,
            consent_on=today,
        )
    assert errors_of(excinfo) == {"acting_for": [messages.ACTING_FOR_NOT_OF_CASE]}


def test_a_representative_with_consent_is_added(caseworker, today):
    referral = ReferralFactory()
    complainant = PartyFactory(referral=referral)
    rep = add(
        caseworker,
        referral,
        today,
        role=Party.Role.REPRESENTATIVE,
        name="A Solicitor",
        acting_for=complainant,
        consent_on=today,
    )
    assert list(complainant.representatives.all()) == [rep]


def test_only_a_representative_acts_for_someone(caseworker, today):
    referral = ReferralFactory()
    complainant = PartyFactory(referral=referral)
    with pytest.raises(ValidationError) as excinfo:
        add(caseworker, referral, today, acting_for=complainant, consent_on=today)
    assert errors_of(excinfo) == {
        "acting_for": [messages.ONLY_REPRESENTATIVES_ACT],
        "consent_on": [messages.ONLY_REPRESENTATIVES_CONSENT],
    }


def test_an_edit_moves_the_version_on_and_is_in_the_history(caseworker, today):
    referral = ReferralFactory()
    party = add(caseworker, referral, today)
    changed = services.party_update(
        actor=caseworker, party=party, version=1, today=today, phone="01234 567890"
    )
    assert (changed.phone, changed.version) == ("01234 567890", 2)
    entries = history_of(referral, type(referral), Party)
    assert [e.what for e in entries][-2:] == ["Party recorded", "Party changed"]
    assert entries[-1].who == caseworker.display_name


def test_an_edit_from_a_stale_version_is_refused(caseworker, today):
    referral = ReferralFactory()
    party = add(caseworker, referral, today)
    services.party_update(actor=caseworker, party=party, version=1, today=today, name="Sam J")
    with pytest.raises(ConflictError):
        services.party_update(actor=caseworker, party=party, version=1, today=today, name="X")
    party.refresh_from_db()
    assert party.name == "Sam J"


def test_a_removal_from_a_stale_version_is_refused(caseworker, today):
    party = add(caseworker, ReferralFactory(), today)
    services.party_update(actor=caseworker, party=party, version=1, today=today, name="Sam J")
    with pytest.raises(ConflictError):
        services.party_remove(actor=caseworker, party=party, version=1)
    services.party_remove(actor=caseworker, party=party, version=2)
    assert not Party.objects.exists()


def test_a_represented_party_or_one_with_contacts_is_not_removed(caseworker, today):
    referral = ReferralFactory()
    complainant = PartyFactory(referral=referral)
    RepresentativeFactory(referral=referral, acting_for=complainant)
    with pytest.raises(ValidationError) as excinfo:
        services.party_remove(actor=caseworker, party=complainant, version=1)
    assert errors_of(excinfo) == {
        "party": [messages.STILL_REPRESENTED.format(name=complainant.name)]
    }
    other = PartyFactory(referral=referral)
    ContactFactory(referral=referral, party=other)
    with pytest.raises(ValidationError) as excinfo:
        services.party_remove(actor=caseworker, party=other, version=1)
    assert errors_of(excinfo) == {"party": [messages.HAS_CONTACTS.format(name=other.name)]}


def test_the_parties_of_a_referral_are_carried_to_its_investigation(caseworker, today):
    referral = DecidedReferralFactory(received_on=D(2024, 5, 1))
    complainant = PartyFactory(referral=referral, name="Sam Jones", vulnerable=True)
    RepresentativeFactory(referral=referral, acting_for=complainant, name="A Solicitor")
    investigation = investigation_services.investigation_open(
        actor=caseworker,
        referral=referral,
        started_on=D(2024, 5, 8),
        today=today,
        lead_investigator=caseworker,
    )
    carried = {p.name: p for p in investigation.parties.all()}
    assert set(carried) == {"Sam Jones", "A Solicitor"}
    assert carried["Sam Jones"].vulnerable
    assert carried["A Solicitor"].acting_for == carried["Sam Jones"]
    assert carried["A Solicitor"].consent_on == D(2024, 5, 10)
    # The referral keeps its own.
    assert referral.parties.count() == 2


def test_a_contact_is_logged_with_a_party_of_the_case(caseworker, today):
    investigation = InvestigationFactory()
    party = PartyFactory(investigation=investigation)
    contact = services.contact_record(
        actor=caseworker,
        record=investigation,
        today=today,
        party=party,
        on=today,
        direction="outbound",
        channel="phone",
        kind="progress_update",
        summary="Called.",
    )
    assert contact.recorded_by == caseworker
    assert list(investigation.contacts.all()) == [contact]


@pytest.mark.parametrize(
    ("on", "field", "message"),
    [
        (D(2024, 6, 4), "on", messages.CONTACT_ON.future),
        (None, "on", messages.CONTACT_ON.required),
        (
            D(2024, 4, 30),
            "on",
            messages.CONTACT_ON.earlier.format(date="1 May 2024"),
        ),
    ],
)
def test_a_contact_dated_in_the_future_or_before_the_case_is_refused(
    caseworker, today, on, field, message
):
    referral = ReferralFactory(received_on=D(2024, 5, 1))
    party = PartyFactory(referral=referral)
    with pytest.raises(ValidationError) as excinfo:
        services.contact_record(
            actor=caseworker,
            record=referral,
            today=today,
            party=party,
            on=on,
            direction="inbound",
            channel="email",
            kind="other",
        )
    assert errors_of(excinfo) == {field: [message]}
    assert not Contact.objects.exists()


def test_an_investigations_contact_is_not_before_its_referral_was_received(caseworker, today):
    investigation = InvestigationFactory()  # referral received 23 April 2024
    party = PartyFactory(investigation=investigation)
    with pytest.raises(ValidationError) as excinfo:
        services.contact_record(
            actor=caseworker,
            record=investigation,
            today=today,
            party=party,
            on=D(2024, 4, 22),
            direction="inbound",
            channel="email",
            kind="other",
        )
    assert list(errors_of(excinfo)) == ["on"]


def test_a_contact_with_a_party_of_another_case_is_refused(caseworker, today):
    referral = ReferralFactory()
    stranger = PartyFactory(referral=ReferralFactory())
    with pytest.raises(ValidationError) as excinfo:
        services.contact_record(
            actor=caseworker,
            record=referral,
            today=today,
            party=stranger,
            on=today,
            direction="inbound",
            channel="email",
            kind="other",
        )
    assert errors_of(excinfo) == {"party": [messages.PARTY_NOT_OF_CASE]}


@pytest.mark.django_db(transaction=True)
def test_the_same_contact_posted_twice_at_once_is_logged_once(caseworker):
    """Two retries of one contact arrive together, ten times over: each time one is logged
    and the other refused (the party's row is locked while the log is checked)."""
    import threading

    from django.db import close_old_connections, connection

    investigation = InvestigationFactory()
    party = PartyFactory(investigation=investigation)
    today = dt.date.today()
    for round_ in range(10):
        barrier = threading.Barrier(2)
        outcomes = []

        def log(summary=f"Round {round_}", barrier=barrier, outcomes=outcomes):
            close_old_connections()
            try:
                barrier.wait(5)
                services.contact_record(
                    actor=caseworker,
                    record=investigation,
                    today=today,
                    party=party,
                    on=today,
                    direction="outbound",
                    channel="phone",
                    kind="progress_update",
                    summary=summary,
                )
                outcomes.append("logged")
            except ValidationError:
                outcomes.append("refused")
            except Exception as error:  # surfaced by the assertion below
                outcomes.append(repr(error))
            finally:
                connection.close()

        threads = [threading.Thread(target=log) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert sorted(outcomes) == ["logged", "refused"], (round_, outcomes)
    assert Contact.objects.count() == 10
