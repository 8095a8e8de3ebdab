"""The parties and the contact log over the API: the shapes of the contract, field errors,
stale versions, the view log, query counts, and 404 for force liaisons everywhere."""

import datetime as dt

import pytest
import time_machine

from appeals.tests.factories import ApplicationFactory
from cases.tests.factories import InvestigationFactory, ReferralFactory
from oversight.core.casework import messages
from oversight.core.casework.models import Contact, Party
from oversight.core.models import ViewLog
from oversight.tests.core.casework.factories import (
    ContactFactory,
    PartyFactory,
    RepresentativeFactory,
)
from oversight.tests.helpers import token_client as api_as

pytestmark = pytest.mark.django_db

PARTY_KEYS = {
    "id",
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
    "version",
}
CONTACT_KEYS = {"id", "party", "on", "direction", "channel", "kind", "summary", "recorded_by"}

# kind: (factory of a case of herts, API prefix, the party's key to the case)
KINDS = {
    "referral": (lambda org: ReferralFactory(organisation=org), "referrals"),
    "investigation": (
        lambda org: InvestigationFactory(referral__organisation=org),
        "investigations",
    ),
    "application": (lambda org: ApplicationFactory(organisation=org), "applications"),
}


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


def case_with_people(kind, herts):
    make, prefix = KINDS[kind]
    record = make(herts)
    complainant = PartyFactory(**{kind: record}, name="Sam Jones")
    rep = RepresentativeFactory(**{kind: record}, acting_for=complainant, name="A Solicitor")
    contact = ContactFactory(**{kind: record}, party=complainant)
    return record, f"/api/v1/{prefix}/{record.reference}", complainant, rep, contact


@pytest.mark.parametrize("kind", KINDS)
def test_the_parties_and_contacts_answer_the_contract(kind, caseworker, herts):
    record, base, complainant, rep, contact = case_with_people(kind, herts)
    api = api_as(caseworker)
    parties = api.get(f"{base}/parties/").json()["results"]
    assert [p["name"] for p in parties] == ["Sam Jones", "A Solicitor"]
    assert set(parties[0]) == PARTY_KEYS
    assert parties[1]["acting_for"] == complainant.pk
    assert parties[1]["consent_on"] == "2024-05-10"
    assert parties[1]["role"] == "representative"
    contacts = api.get(f"{base}/contacts/").json()["results"]
    assert set(contacts[0]) == CONTACT_KEYS
    assert contacts[0]["party"] == complainant.pk
    assert contacts[0]["recorded_by"] == contact.recorded_by.username
    one = api.get(f"{base}/parties/{rep.pk}/").json()
    assert one["name"] == "A Solicitor"


@pytest.mark.parametrize("kind", KINDS)
def test_a_read_of_parties_or_contacts_is_logged(kind, caseworker, herts):
    record, base, complainant, _, contact = case_with_people(kind, herts)
    api = api_as(caseworker)
    api.get(f"{base}/parties/")
    api.get(f"{base}/parties/{complainant.pk}/")
    api.get(f"{base}/contacts/")
    api.get(f"{base}/contacts/{contact.pk}/")
    logged = list(
        ViewLog.objects.filter(reference=record.reference).values_list("record_type", "via_api")
    )
    assert logged == [
        ("oversight.Party", True),
        ("oversight.Party", True),
        ("oversight.Contact", True),
        ("oversight.Contact", True),
    ]


def test_a_party_is_added_changed_and_removed(caseworker, herts):
    record = ReferralFactory(organisation=herts)
    api = api_as(caseworker)
    base = f"/api/v1/referrals/{record.reference}/parties/"
    created = api.post(
        base, {"role": "complainant", "name": "Sam Jones", "preferred_language": "cy"}
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert set(body) == PARTY_KEYS
    assert (body["preferred_language"], body["version"]) == ("cy", 1)
    changed = api.patch(f"{base}{body['id']}/", {"phone": "0123", "version": 1})
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["phone"], changed.json()["version"]) == ("0123", 2)
    stale = api.patch(f"{base}{body['id']}/", {"phone": "999", "version": 1})
    assert stale.status_code == 409
    assert api.delete(f"{base}{body['id']}/").status_code == 400
    assert api.delete(f"{base}{body['id']}/?version=2").status_code == 204
    assert not Party.objects.exists()


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"role": "complainant"}, {"name"}),
        ({"role": "complainant", "name": "  "}, {"name"}),
        ({"role": "judge", "name": "X"}, {"role"}),
        ({"role": "complainant", "name": "X", "preferred_language": "fr"}, {"preferred_language"}),
        ({"role": "complainant", "name": "X", "email": "not-an-email"}, {"email"}),
        ({"role": "representative", "name": "X"}, {"acting_for", "consent_on"}),
        (
            {
                "role": "representative",
                "name": "X",
                "acting_for": 999999,
                "consent_on": "2024-05-01",
            },
            {"acting_for"},
        ),
        ({"role": "complainant", "name": "X", "consent_on": "2024-06-04"}, {"consent_on"}),
    ],
)
def test_a_bad_party_gets_400_with_field_errors(caseworker, herts, payload, fields):
    record = ReferralFactory(organisation=herts)
    response = api_as(caseworker).post(
        f"/api/v1/referrals/{record.reference}/parties/", payload, format="json"
    )
    assert response.status_code == 400
    assert fields <= set(response.json()), response.json()
    assert not Party.objects.exists()


def test_a_representatives_consent_in_the_future_gets_400(caseworker, herts):
    record = ReferralFactory(organisation=herts)
    complainant = PartyFactory(referral=record)
    response = api_as(caseworker).post(
        f"/api/v1/referrals/{record.reference}/parties/",
        {
            "role": "representative",
            "name": "A Solicitor",
            "acting_for": complainant.pk,
            "consent_on": "2024-06-04",
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"consent_on"}


def test_a_contact_is_logged_and_bad_ones_get_400(caseworker, herts):
    record = ReferralFactory(organisation=herts, received_on=dt.date(2024, 5, 1))
    party = PartyFactory(referral=record)
    stranger = PartyFactory(referral=ReferralFactory())
    api = api_as(caseworker)
    base = f"/api/v1/referrals/{record.reference}/contacts/"
    good = {
        "party": party.pk,
        "on": "2024-06-03",
        "direction": "outbound",
        "channel": "email",
        "kind": "acknowledgement",
        "summary": "Acknowledged.",
    }
    created = api.post(base, good, format="json")
    assert created.status_code == 201, created.json()
    assert set(created.json()) == CONTACT_KEYS
    assert created.json()["recorded_by"] == caseworker.username
    for bad, field in [
        ({"on": "2024-06-04"}, "on"),
        ({"on": "2024-04-30"}, "on"),
        ({"party": stranger.pk}, "party"),
        ({"channel": "pigeon"}, "channel"),
        ({"direction": "sideways"}, "direction"),
        ({"kind": None}, "kind"),
    ]:
        response = api.post(base, {**good, **bad}, format="json")
        assert response.status_code == 400, bad
        assert field in response.json(), (bad, response.json())
    assert Contact.objects.count() == 1


def routes(kind, record, party, contact):
    base = f"/api/v1/{KINDS[kind][1]}/{record.reference}"
    return [
        ("get", f"{base}/parties/"),
        ("post", f"{base}/parties/"),
        ("get", f"{base}/parties/{party.pk}/"),
        ("put", f"{base}/parties/{party.pk}/"),
        ("patch", f"{base}/parties/{party.pk}/"),
        ("delete", f"{base}/parties/{party.pk}/"),
        ("get", f"{base}/contacts/"),
        ("post", f"{base}/contacts/"),
        ("get", f"{base}/contacts/{contact.pk}/"),
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_a_force_liaison_gets_404_on_every_route(kind, liaison, herts):
    record, _, complainant, _, contact = case_with_people(kind, herts)
    api = api_as(liaison)
    for method, url in routes(kind, record, complainant, contact):
        response = getattr(api, method)(url, {}, format="json")
        assert response.status_code == 404, (method, url)
    assert not ViewLog.objects.exists()
    assert Party.objects.count() == 2


@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_callers_are_told_to_authenticate(kind, herts, client):
    record, _, complainant, _, contact = case_with_people(kind, herts)
    for method, url in routes(kind, record, complainant, contact):
        assert getattr(client, method)(url).status_code == 401, (method, url)


def test_an_unknown_case_is_404(caseworker):
    assert api_as(caseworker).get("/api/v1/referrals/REF-2024-999999/parties/").status_code == 404


@pytest.mark.parametrize("noun", ["parties", "contacts"])
def test_the_list_query_count_does_not_grow_with_the_people(
    noun, caseworker, herts, django_assert_max_num_queries
):
    record = InvestigationFactory(referral__organisation=herts)
    api = api_as(caseworker)
    url = f"/api/v1/investigations/{record.reference}/{noun}/"

    def people(n):
        for _ in range(n):
            complainant = PartyFactory(investigation=record)
            RepresentativeFactory(investigation=record, acting_for=complainant)
            ContactFactory(investigation=record, party=complainant)

    people(1)
    with django_assert_max_num_queries(12) as small:
        assert api.get(url).status_code == 200
    people(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = api.get(url)
    assert response.json()["count"] == (42 if noun == "parties" else 21)


def test_the_schema_describes_the_routes(caseworker):
    paths = api_as(caseworker).get("/api/schema/?format=json").json()["paths"]
    for prefix in ("referrals", "investigations", "applications"):
        assert {"get", "post"} <= set(paths[f"/api/v1/{prefix}/{{reference}}/parties/"])
        assert {"get", "put", "patch", "delete"} <= set(
            paths[f"/api/v1/{prefix}/{{reference}}/parties/{{id}}/"]
        )
        assert {"get", "post"} <= set(paths[f"/api/v1/{prefix}/{{reference}}/contacts/"])


def test_a_contact_posted_again_by_a_retrying_client_is_refused_not_logged_twice(
    caseworker, herts
):
    record = ReferralFactory(organisation=herts, received_on=dt.date(2024, 5, 1))
    party = PartyFactory(referral=record)
    base = f"/api/v1/referrals/{record.reference}/contacts/"
    body = {
        "party": party.pk,
        "on": "2024-06-03",
        "direction": "outbound",
        "channel": "phone",
        "kind": "progress_update",
        "summary": "",
    }
    api = api_as(caseworker)
    with time_machine.travel(dt.datetime(2024, 6, 3, 10, tzinfo=dt.UTC), tick=False):
        assert api.post(base, body, format="json").status_code == 201
    with time_machine.travel(dt.datetime(2024, 6, 3, 10, 9, tzinfo=dt.UTC), tick=False):
        again = api.post(base, body, format="json")
        assert again.status_code == 400
        assert again.json() == {"non_field_errors": [messages.CONTACT_ALREADY_LOGGED]}
        # Another contact that day, told apart by any detail, is logged.
        assert api.post(base, {**body, "channel": "email"}, format="json").status_code == 201
    assert Contact.objects.count() == 2
    # A second call of the same kind later the same day is a contact of its own.
    with time_machine.travel(dt.datetime(2024, 6, 3, 10, 11, tzinfo=dt.UTC), tick=False):
        assert api.post(base, body, format="json").status_code == 201
    assert Contact.objects.count() == 3
