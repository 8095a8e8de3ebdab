"""The People and Contacts sections of the three detail pages and their steps."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from appeals.tests.factories import ApplicationFactory
from cases.tests.factories import InvestigationFactory, ReferralFactory
from oversight.core.casework import messages
from oversight.core.casework.models import Contact, Party
from oversight.core.errors import CONFLICT_MESSAGE
from oversight.core.models import ViewLog
from oversight.tests.core.casework.factories import (
    ContactFactory,
    PartyFactory,
    RepresentativeFactory,
)
from oversight.tests.helpers import date_fields

pytestmark = pytest.mark.django_db

# kind: (factory of a case of herts, URL name prefix)
KINDS = {
    "referral": (lambda org: ReferralFactory(organisation=org), "cases:referral"),
    "investigation": (
        lambda org: InvestigationFactory(referral__organisation=org),
        "investigations:investigation",
    ),
    "application": (lambda org: ApplicationFactory(organisation=org), "appeals:application"),
}


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


def url(kind, record, step, **kwargs):
    return reverse(f"{KINDS[kind][1]}-{step}", kwargs={"reference": record.reference, **kwargs})


def person(**overrides):
    return {"role": "complainant", "name": "Sam Jones", "preferred_language": "en", **overrides}


@pytest.mark.parametrize("kind", KINDS)
def test_the_detail_page_shows_the_people_and_contacts_and_logs_the_read(
    kind, client_as, caseworker, herts
):
    record = KINDS[kind][0](herts)
    complainant = PartyFactory(
        **{kind: record}, name="Sam Jones", vulnerable=True, reasonable_adjustments="Large print"
    )
    ContactFactory(**{kind: record}, party=complainant, summary="First update sent.")
    page = client_as(caseworker).get(record.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    for shown in ("Sam Jones", "Vulnerable", "Large print", "Add a person", "Log a contact"):
        assert shown in html
    assert "First update sent." in html
    logged = set(
        ViewLog.objects.filter(reference=record.reference).values_list("record_type", flat=True)
    )
    assert {"oversight.Party", "oversight.Contact"} <= logged


@pytest.mark.parametrize("kind", KINDS)
def test_a_person_is_added_from_the_page(kind, client_as, caseworker, herts):
    record = KINDS[kind][0](herts)
    client = client_as(caseworker)
    assert client.get(url(kind, record, "party-add")).status_code == 200
    response = client.post(
        url(kind, record, "party-add"), person(preferred_language="cy", vulnerable="on")
    )
    assert response.status_code == 302
    party = Party.objects.get()
    assert (party.name, party.preferred_language, party.vulnerable) == ("Sam Jones", "cy", True)
    assert getattr(party, f"{kind}_id") == record.pk
    page = client.get(response["Location"])
    assert messages.PARTY_ADDED.format(name="Sam Jones", reference=record.reference) in (
        page.content.decode()
    )


def test_a_representative_without_the_person_represented_gets_the_errors(
    client_as, caseworker, herts
):
    record = ReferralFactory(organisation=herts)
    response = client_as(caseworker).post(
        url("referral", record, "party-add"), person(role="representative")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["acting_for"] == [messages.ACTING_FOR_REQUIRED]
    assert form.errors["consent_on"] == [messages.CONSENT_ON.required]
    assert not Party.objects.exists()


def test_a_representative_is_added_with_consent(client_as, caseworker, herts):
    record = ReferralFactory(organisation=herts)
    complainant = PartyFactory(referral=record)
    response = client_as(caseworker).post(
        url("referral", record, "party-add"),
        {
            **person(role="representative", name="A Solicitor"),
            "acting_for": complainant.pk,
            **date_fields("consent_on", dt.date(2024, 5, 1)),
        },
    )
    assert response.status_code == 302
    assert Party.objects.get(name="A Solicitor").acting_for == complainant


def test_an_edit_from_a_stale_page_is_refused(client_as, caseworker, herts):
    record = ReferralFactory(organisation=herts)
    party = PartyFactory(referral=record, version=2)
    response = client_as(caseworker).post(
        url("referral", record, "party-edit", party_id=party.pk),
        person(name="Someone else", version=1),
    )
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in response.content.decode()
    party.refresh_from_db()
    assert party.name != "Someone else"


def test_an_edit_is_saved(client_as, caseworker, herts):
    record = InvestigationFactory(referral__organisation=herts)
    party = PartyFactory(investigation=record)
    client = client_as(caseworker)
    page = client.get(url("investigation", record, "party-edit", party_id=party.pk))
    assert page.context["form"].initial["version"] == 1
    response = client.post(
        url("investigation", record, "party-edit", party_id=party.pk),
        person(name="Sam Jones-Smith", version=1),
    )
    assert response.status_code == 302
    party.refresh_from_db()
    assert (party.name, party.version) == ("Sam Jones-Smith", 2)


def test_removal_asks_for_confirmation_then_removes(client_as, caseworker, herts):
    record = ApplicationFactory(organisation=herts)
    party = PartyFactory(application=record, name="Sam Jones")
    client = client_as(caseworker)
    remove = url("application", record, "party-remove", party_id=party.pk)
    page = client.get(remove)
    assert page.status_code == 200
    assert "Remove Sam Jones?" in page.content.decode()
    assert Party.objects.exists()
    response = client.post(remove, {"version": 1})
    assert response.status_code == 302
    assert not Party.objects.exists()


def test_a_represented_person_is_not_removed_and_the_page_says_why(client_as, caseworker, herts):
    record = ReferralFactory(organisation=herts)
    party = PartyFactory(referral=record, name="Sam Jones")
    RepresentativeFactory(referral=record, acting_for=party)
    response = client_as(caseworker).post(
        url("referral", record, "party-remove", party_id=party.pk), {"version": 1}
    )
    assert response.status_code == 200
    assert messages.STILL_REPRESENTED.format(name="Sam Jones") in response.content.decode()
    assert Party.objects.count() == 2


@pytest.mark.parametrize("kind", KINDS)
def test_a_contact_is_logged_from_the_page(kind, client_as, caseworker, herts):
    record = KINDS[kind][0](herts)
    party = PartyFactory(**{kind: record})
    client = client_as(caseworker)
    assert client.get(url(kind, record, "contact-add")).status_code == 200
    response = client.post(
        url(kind, record, "contact-add"),
        {
            "party": party.pk,
            **date_fields("on", dt.date(2024, 6, 3)),
            "direction": "outbound",
            "channel": "phone",
            "kind": "progress_update",
            "summary": "Called with an update.",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    contact = Contact.objects.get()
    assert (contact.party, contact.recorded_by, contact.kind) == (
        party,
        caseworker,
        "progress_update",
    )


def test_a_contact_in_the_future_gets_a_field_error(client_as, caseworker, herts):
    record = ReferralFactory(organisation=herts)
    party = PartyFactory(referral=record)
    response = client_as(caseworker).post(
        url("referral", record, "contact-add"),
        {
            "party": party.pk,
            **date_fields("on", dt.date(2024, 6, 4)),
            "direction": "inbound",
            "channel": "email",
            "kind": "other",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == [messages.CONTACT_ON.future]
    assert not Contact.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_force_liaison_gets_404_on_every_page_and_no_sections(kind, client_as, liaison, herts):
    record = KINDS[kind][0](herts)
    party = PartyFactory(**{kind: record})
    client = client_as(liaison)
    for step, kwargs in [
        ("party-add", {}),
        ("party-edit", {"party_id": party.pk}),
        ("party-remove", {"party_id": party.pk}),
        ("contact-add", {}),
    ]:
        assert client.get(url(kind, record, step, **kwargs)).status_code == 404, step
        assert client.post(url(kind, record, step, **kwargs), {}).status_code == 404, step
    assert Party.objects.count() == 1
    assert not ViewLog.objects.exists()


def test_a_party_of_another_case_is_404_on_its_pages(client_as, caseworker, herts):
    record = ReferralFactory(organisation=herts)
    stranger = PartyFactory(referral=ReferralFactory())
    response = client_as(caseworker).get(
        url("referral", record, "party-edit", party_id=stranger.pk)
    )
    assert response.status_code == 404


def test_the_history_tells_the_party_and_the_contact(client_as, caseworker, herts):
    record = ReferralFactory(organisation=herts)
    client = client_as(caseworker)
    client.post(url("referral", record, "party-add"), person())
    page = client.get(record.get_absolute_url()).content.decode()
    assert "Party recorded" in page


def test_a_contact_submitted_twice_is_logged_once_with_the_reason_shown(
    client_as, caseworker, herts
):
    record = ReferralFactory(organisation=herts)
    party = PartyFactory(referral=record)
    form = {
        "party": party.pk,
        **date_fields("on", dt.date(2024, 6, 3)),
        "direction": "outbound",
        "channel": "phone",
        "kind": "progress_update",
        "summary": "Called with an update.",
    }
    client = client_as(caseworker)
    assert client.post(url("referral", record, "contact-add"), form).status_code == 302
    again = client.post(url("referral", record, "contact-add"), form)
    assert again.status_code == 200
    assert again.context["form"].non_field_errors() == [messages.CONTACT_ALREADY_LOGGED]
    assert messages.CONTACT_ALREADY_LOGGED in again.content.decode()
    assert Contact.objects.count() == 1
