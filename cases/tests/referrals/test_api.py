import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from cases.models import Category, Referral
from cases.tests.factories import DecidedReferralFactory, ReferralFactory
from oversight.tests.helpers import token_client as api_as

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


URL = "/api/v1/referrals/"


def payload(**overrides):
    return {
        "organisation": "hertfordshire-constabulary",
        "received_on": "2024-06-03",
        "matter_type": "dsi",
        "referral_type": "mandatory",
        "categories": ["death_or_serious_injury"],
        "summary": "Man found unresponsive in a cell.",
        **overrides,
    }


def test_anonymous_requests_are_refused():
    response = APIClient().get(URL)
    assert response.status_code == 401


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_create_and_read_referrals(users, herts, role):
    client = api_as(users[role])
    response = client.post(URL, payload(), format="json")
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["reference"] == "REF-2024-000001"
    assert body["organisation"] == "hertfordshire-constabulary"
    assert body["decision_due_on"] == "2024-06-06"
    assert body["decided_within_target"] is None
    assert client.get(f"{URL}{body['reference']}/").json()["summary"] == payload()["summary"]


def test_force_liaisons_get_404_for_referrals(liaison, herts):
    referral = ReferralFactory(organisation=herts)
    client = api_as(liaison)
    for response in [
        client.get(URL),
        client.get(f"{URL}{referral.reference}/"),
        client.post(URL, payload(), format="json"),
        client.patch(f"{URL}{referral.reference}/", {"summary": "x", "version": 1}, format="json"),
    ]:
        assert response.status_code == 404
        assert referral.reference not in response.content.decode()
    assert Referral.objects.count() == 1


def test_create_with_a_decision(caseworker, herts):
    response = api_as(caseworker).post(
        URL,
        payload(mode="independent", decided_on="2024-06-03", why_not_local="Serious."),
        format="json",
    )
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["mode"] == "independent"
    assert body["decided_within_target"] is True
    assert [d["decided_by"] for d in body["determinations"]] == [caseworker.username]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"received_on": "2024-06-04"}, "received_on"),
        ({"received_on": "03/06/2024"}, "received_on"),
        ({"organisation": "no-such-force"}, "organisation"),
        ({"organisation": "home-office"}, "organisation"),
        ({"matter_type": "other"}, "matter_type"),
        ({"categories": ["nonsense"]}, "categories"),
        ({"categories": []}, "categories"),
        ({"decided_on": "2024-06-03"}, "mode"),
        ({"mode": "independent", "decided_on": "2024-06-01"}, "decided_on"),
        ({"mode": "independent"}, "decided_on"),
        ({"summary": ""}, "summary"),
    ],
)
def test_bad_input_gets_400_with_field_errors_and_nothing_saved(
    caseworker, herts, overrides, field
):
    response = api_as(caseworker).post(URL, payload(**overrides), format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Referral.objects.exists()


def test_patch_records_a_new_determination_and_keeps_the_first(caseworker, manager, herts):
    referral = DecidedReferralFactory(
        organisation=herts, received_on=D(2024, 5, 1), mode="directed"
    )
    first = referral.decided_on
    response = api_as(manager).patch(
        f"{URL}{referral.reference}/",
        {
            "mode": "independent",
            "decided_on": "2024-06-03",
            "reason": "Escalated",
            "why_not_local": "Too serious for the force alone.",
            "version": referral.version,
        },
        format="json",
    )
    assert response.status_code == 200, response.data
    body = response.json()
    assert body["mode"] == "independent"
    assert body["decided_on"] == first.isoformat()
    assert [d["mode"] for d in body["determinations"]] == ["directed", "independent"]


def test_patch_with_a_stale_version_gets_409(caseworker, herts):
    referral = ReferralFactory(organisation=herts)
    client = api_as(caseworker)
    url = f"{URL}{referral.reference}/"
    assert client.patch(url, {"summary": "First", "version": 1}, format="json").status_code == 200
    response = client.patch(url, {"summary": "Second", "version": 1}, format="json")
    assert response.status_code == 409
    assert "Someone else changed this record" in response.json()["detail"]
    referral.refresh_from_db()
    assert referral.summary == "First"


def test_patch_without_a_version_is_refused(caseworker, herts):
    referral = ReferralFactory(organisation=herts)
    response = api_as(caseworker).patch(
        f"{URL}{referral.reference}/", {"summary": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_list_filters(caseworker, herts, met):
    mine = ReferralFactory(organisation=herts, received_on=D(2024, 6, 3))
    theirs = DecidedReferralFactory(organisation=met, received_on=D(2023, 6, 1))
    client = api_as(caseworker)

    def refs(**params):
        return {r["reference"] for r in client.get(URL, params).json()["results"]}

    assert refs() == {mine.reference, theirs.reference}
    assert refs(organisation="hertfordshire-constabulary") == {mine.reference}
    assert refs(status="decided") == {theirs.reference}
    assert refs(financial_year="2023-24") == {theirs.reference}
    assert refs(q=mine.reference) == {mine.reference}
    response = client.get(URL, {"financial_year": "2023"})
    assert response.status_code == 400
    assert "financial_year" in response.json()
    assert client.get(URL, {"organisation": "nowhere"}).status_code == 400


def test_list_query_count_does_not_grow_with_rows_or_page_size(
    caseworker, herts, met, django_assert_max_num_queries, django_assert_num_queries
):
    client = api_as(caseworker)
    DecidedReferralFactory.create_batch(2, organisation=herts)
    with django_assert_max_num_queries(6) as small:
        assert client.get(f"{URL}?page_size=10").status_code == 200
    DecidedReferralFactory.create_batch(25, organisation=met)
    ReferralFactory.create_batch(10, organisation=herts)
    with django_assert_num_queries(len(small)):
        assert client.get(f"{URL}?page_size=50").status_code == 200


def test_schema_is_served_to_signed_in_users_only(caseworker):
    assert APIClient().get("/api/schema/").status_code == 401
    response = api_as(caseworker).get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/referrals/" in schema["paths"]
    token_scheme = schema["components"]["securitySchemes"]["knoxApiToken"]
    assert token_scheme["name"] == "Authorization"
    assert 'prefix "Token"' in token_scheme["description"]


def test_put_of_the_record_as_read_changes_its_details_without_deciding_again(caseworker, herts):
    """A PUT carries the whole record as the client read it, mode and decision date included:
    a step already taken is not taken again (as for applications), so only the summary
    changes and no second determination is recorded."""
    referral = DecidedReferralFactory(organisation=herts, received_on=D(2024, 5, 1))
    client = api_as(caseworker)
    url = f"{URL}{referral.reference}/"
    read = client.get(url).json()
    writable = ["organisation", "received_on", "matter_type", "referral_type", "categories"]
    body = {name: read[name] for name in [*writable, "force_reference", "first_aware_on"]}
    body |= {
        "summary": "Corrected summary",
        "mode": read["mode"],
        "decided_on": read["decided_on"],
    }
    response = client.put(url, {**body, "version": read["version"]}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["summary"] == "Corrected summary"
    assert len(response.json()["determinations"]) == 1


def test_put_with_a_new_mode_records_a_new_determination(caseworker, herts):
    referral = DecidedReferralFactory(organisation=herts, received_on=D(2024, 5, 1))
    client = api_as(caseworker)
    url = f"{URL}{referral.reference}/"
    read = client.get(url).json()
    body = {name: read[name] for name in ["organisation", "received_on", "matter_type"]}
    body |= {"referral_type": read["referral_type"], "categories": read["categories"]}
    body |= {"summary": read["summary"], "mode": "directed", "decided_on": "2024-06-03"}
    body |= {"why_not_local": "Serious.", "why_not_independent": "Force has the skills."}
    response = client.put(url, {**body, "version": read["version"]}, format="json")
    assert response.status_code == 200, response.json()
    assert [d["mode"] for d in response.json()["determinations"]][-1] == "directed"


def test_api_gives_the_regime_and_takes_its_reason(caseworker, herts):
    client = api_as(caseworker)
    response = client.post(
        URL,
        payload(first_aware_on="2024-05-01", regime_reason="linked_to_earlier_matter"),
        format="json",
    )
    assert response.status_code == 201, response.data
    body = response.json()
    assert (body["regime"], body["regime_reason"]) == ("pre_2020", "linked_to_earlier_matter")
    # regime itself is read-only: what is sent is ignored, the rule decides.
    response = client.post(URL, payload(regime="pre_2020"), format="json")
    assert response.json()["regime"] == "post_2020"
    response = client.post(URL, payload(regime_reason="reinvestigation"), format="json")
    assert response.status_code == 400
    assert "regime_reason" in response.json()


def test_api_refuses_a_voluntary_dsi_referral(caseworker, herts):
    response = api_as(caseworker).post(URL, payload(referral_type="voluntary"), format="json")
    assert response.status_code == 400
    assert "paragraph 14C" in response.json()["referral_type"][0]
    assert not Referral.objects.exists()


def test_api_determinations_show_the_statutory_order(caseworker, herts):
    client = api_as(caseworker)
    response = client.post(URL, payload(mode="directed", decided_on="2024-06-03"), format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"why_not_local", "why_not_independent"}
    response = client.post(
        URL,
        payload(
            mode="directed",
            decided_on="2024-06-03",
            reason="Directed.",
            why_not_local="Serious.",
            why_not_independent="Force has the skills.",
        ),
        format="json",
    )
    assert response.status_code == 201, response.data
    [determination] = response.json()["determinations"]
    assert determination["why_not_local"] == "Serious."
    assert [(s["mode"], s["appropriate"]) for s in determination["statutory_order"]] == [
        ("local", False),
        ("independent", False),
        ("directed", True),
    ]


@pytest.mark.parametrize(
    ("category", "label"),
    [
        # Reg. 4(1)(c) and 7(1)(g): complaints about, and conduct of, a chief officer or the
        # Metropolitan Police's Deputy Commissioner.
        ("chief_officer", "About a chief officer or the Deputy Commissioner"),
        # Reg. 1(2): a relevant offence includes one whose sentence is fixed by law.
        ("serious_offence", "the sentence is fixed by law"),
    ],
)
def test_the_mandatory_referral_categories_of_regulations_4_and_7(users, herts, category, label):
    response = api_as(users["caseworker"]).post(
        URL,
        payload(matter_type="complaint", categories=[category], summary="About the chief."),
        format="json",
    )
    assert response.status_code == 201, response.data
    assert response.json()["categories"] == [category]
    assert label in dict(Category.choices)[category]
