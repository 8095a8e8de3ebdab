import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from cases.models import Allegation, Investigation, StatutoryNotice, Subject
from cases.tests.factories import (
    AllegationFactory,
    CompletedInvestigationFactory,
    DecidedReferralFactory,
    InvestigationFactory,
    MajorInvestigationFactory,
    PausedInvestigationFactory,
    SubjectFactory,
    ThemeFactory,
    UnderInvestigationFactory,
)
from oversight.tests.factories import CaseworkerFactory
from oversight.tests.helpers import token_client as api_as

D = dt.date
URL = "/api/v1/investigations/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def referral(herts):
    return DecidedReferralFactory(
        organisation=herts, received_on=D(2024, 5, 1), first_aware_on=D(2024, 4, 20)
    )


def payload(for_referral, **overrides):
    return {
        "referral": for_referral.reference,
        "started_on": "2024-05-08",
        "lead_investigator": "casey",
        "themes": ["mental_health", "use_of_taser"],
        "subjects": [
            {
                "name": "Alex Smith",
                "rank": "Police constable",
                "collar_number": "PC 1234",
                "allegations": [{"description": "Used a Taser on a man in crisis."}],
            }
        ],
        **overrides,
    }


@pytest.fixture(autouse=True)
def themes(db):
    ThemeFactory(code="mental_health", name="Mental health")
    ThemeFactory(code="use_of_taser", name="Use of Taser")


# Permissions per role ------------------------------------------------------------------------


def test_anonymous_requests_are_refused():
    assert APIClient().get(URL).status_code == 401


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_open_and_read_investigations(users, referral, role):
    client = api_as(users[role])
    response = client.post(URL, payload(referral), format="json")
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["reference"] == "INV-2024-000001"
    assert body["referral"] == referral.reference
    assert body["organisation"] == "hertfordshire-constabulary"
    assert body["mode"] == "independent"
    assert body["regime"] == "post_2020"  # the referral's
    assert body["status"] == "started"
    assert body["themes"] == ["mental_health", "use_of_taser"]
    assert body["is_major"] is False
    assert body["first_aware_on"] == "2024-04-20"
    assert body["six_months_on"] == "2024-11-08"
    assert body["twelve_months_on"] == "2025-05-08"
    assert body["within_6_months"] is None
    assert body["next_notice_due_on"] == "2025-04-20"
    [person] = body["subjects"]
    assert person["organisation"] == "hertfordshire-constabulary"
    assert person["allegations"][0]["investigator_opinion"] == ""
    assert client.get(f"{URL}{body['reference']}/").json()["subjects"] == body["subjects"]


def test_force_liaisons_get_404_for_investigations(liaison, herts, referral):
    investigation = InvestigationFactory(referral__organisation=herts)
    client = api_as(liaison)
    url = f"{URL}{investigation.reference}/"
    for response in [
        client.get(URL),
        client.get(url),
        client.post(URL, payload(referral), format="json"),
        client.patch(url, {"is_major": True, "version": 1}, format="json"),
        client.post(f"{url}notices/", {"due_on": "2025-04-20", "action": "given"}, format="json"),
    ]:
        assert response.status_code == 404
        assert investigation.reference not in response.content.decode()
    assert Investigation.objects.count() == 1


# Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"referral": "REF-2024-999999"}, "referral"),
        ({"started_on": "2024-06-04"}, "started_on"),
        ({"started_on": "08/05/2024"}, "started_on"),
        ({"started_on": "2024-05-06"}, "started_on"),  # before the decision
        ({"lead_investigator": "nobody"}, "lead_investigator"),
        ({"lead_investigator": "lee"}, "lead_investigator"),  # a force liaison
        ({"themes": ["astrology"]}, "themes"),
        ({"first_aware_on": "2024-05-02"}, "first_aware_on"),
        ({"subjects": [{"rank": "PC"}]}, "subjects"),
        ({"subjects": [{"name": "A", "organisation": "home-office"}]}, "subjects"),
        ({"subjects": [{"name": "A", "charging_decision": "charged"}]}, "subjects"),
        (
            {
                "subjects": [
                    {
                        "name": "A",
                        "allegations": [{"description": "x", "investigator_opinion": "guilty"}],
                    }
                ]
            },
            "subjects",
        ),
        ({"status": "completed"}, "completed_on"),
        ({"status": "paused"}, "pause_reason"),
        ({"completed_on": "2024-06-01", "status": "under_investigation"}, "completed_on"),
    ],
)
def test_bad_input_gets_400_with_field_errors_and_nothing_saved(
    caseworker, liaison, referral, overrides, field
):
    response = api_as(caseworker).post(URL, payload(referral, **overrides), format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Investigation.objects.exists()
    assert not Subject.objects.exists()
    assert not Allegation.objects.exists()


@pytest.mark.parametrize("mode", ["local", "no_investigation"])
def test_a_referral_decided_local_or_no_investigation_gets_400(caseworker, mode):
    referral = DecidedReferralFactory(mode=mode, received_on=D(2024, 5, 1))
    response = api_as(caseworker).post(URL, payload(referral), format="json")
    assert response.status_code == 400
    assert "only a referral decided as independent or directed" in response.json()["referral"][0]


# Updating and completing ---------------------------------------------------------------------


def test_complete_by_setting_completed_on_and_status(caseworker, referral):
    client = api_as(caseworker)
    body = client.post(URL, payload(referral), format="json").json()
    url = f"{URL}{body['reference']}/"
    refused = client.patch(
        url,
        {"status": "completed", "completed_on": "2024-06-01", "version": body["version"]},
        format="json",
    )
    assert refused.status_code == 400
    assert "Alex Smith" in refused.json()["status"][0]
    person = body["subjects"][0]
    allegation = person["allegations"][0]
    response = client.patch(
        url,
        {
            "version": body["version"],
            "status": "completed",
            "completed_on": "2024-06-01",
            "subjects": [
                {
                    "id": person["id"],
                    "name": person["name"],
                    "referred_to_cps": True,
                    "charging_decision": "no_further_action",
                    "allegations": [
                        {
                            "id": allegation["id"],
                            "description": allegation["description"],
                            "investigator_opinion": "misconduct",
                        }
                    ],
                }
            ],
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    done = response.json()
    assert done["status"] == "completed"
    assert done["completed_on"] == "2024-06-01"
    assert done["within_6_months"] is True
    assert done["within_12_months"] is True
    assert done["version"] == body["version"] + 1
    assert done["subjects"][0]["outcome"] == "misconduct"
    assert done["subjects"][0]["charging_decision"] == "no_further_action"
    assert done["subjects"][0]["collar_number"] == "PC 1234"  # left out: kept


def test_completed_on_alone_completes(caseworker):
    investigation = UnderInvestigationFactory()
    response = api_as(caseworker).patch(
        f"{URL}{investigation.reference}/",
        {"completed_on": "2024-06-03", "version": investigation.version},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "completed"


def test_status_changes_over_the_api(caseworker):
    investigation = UnderInvestigationFactory(started_on=D(2024, 5, 7))
    client = api_as(caseworker)
    url = f"{URL}{investigation.reference}/"
    response = client.patch(
        url,
        {
            "status": "paused",
            "pause_reason": "awaiting_criminal_proceedings",
            "status_changed_on": "2024-05-20",
            "version": 1,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["pause_reason"] == "awaiting_criminal_proceedings"
    backwards = client.patch(
        url,
        {"status": "under_investigation", "status_changed_on": "2024-05-19", "version": 2},
        format="json",
    )
    assert backwards.status_code == 400
    assert "dates cannot go backwards" in backwards.json()["status_changed_on"][0]
    to_completed = client.patch(
        url, {"status": "completed", "completed_on": "2024-06-01", "version": 2}, format="json"
    )
    assert to_completed.status_code == 400
    assert "cannot move to completed" in to_completed.json()["status"][0]


def test_patch_replaces_people_all_or_nothing(caseworker):
    investigation = InvestigationFactory()
    kept = SubjectFactory(investigation=investigation, name="Kept")
    SubjectFactory(investigation=investigation, name="Dropped")
    client = api_as(caseworker)
    url = f"{URL}{investigation.reference}/"
    bad = client.patch(
        url,
        {
            "version": 1,
            "is_major": True,
            "subjects": [
                {"id": kept.pk, "name": "Kept"},
                {"name": "New", "charging_decision": "charged"},
            ],
        },
        format="json",
    )
    assert bad.status_code == 400
    assert "subjects" in bad.json()
    investigation.refresh_from_db()
    assert investigation.is_major is False
    assert investigation.subjects.count() == 2
    good = client.patch(
        url,
        {"version": 1, "subjects": [{"id": kept.pk, "name": "Kept"}, {"name": "New"}]},
        format="json",
    )
    assert good.status_code == 200, good.json()
    assert [s["name"] for s in good.json()["subjects"]] == ["Kept", "New"]


def test_patch_with_a_stale_version_gets_409(caseworker, manager):
    investigation = InvestigationFactory(is_major=False)
    url = f"{URL}{investigation.reference}/"
    first = api_as(caseworker).patch(url, {"is_major": True, "version": 1}, format="json")
    assert first.status_code == 200
    second = api_as(manager).patch(url, {"is_major": False, "version": 1}, format="json")
    assert second.status_code == 409
    assert "Someone else changed this record" in second.json()["detail"]
    investigation.refresh_from_db()
    assert investigation.is_major is True


def test_patch_without_a_version_is_refused(caseworker):
    investigation = InvestigationFactory()
    response = api_as(caseworker).patch(
        f"{URL}{investigation.reference}/", {"is_major": True}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_record_a_statutory_notice(caseworker):
    with time_machine.travel(dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC), tick=False):
        investigation = InvestigationFactory(started_on=D(2024, 5, 20))  # aware 30 April 2024
        client = api_as(caseworker)
        url = f"{URL}{investigation.reference}/notices/"
        response = client.post(url, {"due_on": "2025-04-30", "action": "withheld"}, format="json")
        assert response.status_code == 201, response.json()
        assert response.json()["actioned_on"] == "2025-05-01"
        again = client.post(url, {"due_on": "2025-04-30", "action": "given"}, format="json")
        assert again.status_code == 400
        assert "already recorded" in again.json()["due_on"][0]
        body = client.get(f"{URL}{investigation.reference}/").json()
    assert body["next_notice_due_on"] == "2025-10-30"
    assert StatutoryNotice.objects.count() == 1


# Lists ---------------------------------------------------------------------------------------


def test_list_filters(caseworker, herts, met):
    with time_machine.travel(dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC), tick=False):
        young = InvestigationFactory(started_on=D(2025, 1, 2), referral__organisation=herts)
        at_risk = UnderInvestigationFactory(started_on=D(2024, 5, 20), referral__organisation=met)
        paused = PausedInvestigationFactory(started_on=D(2024, 1, 5), lead_investigator=caseworker)
        major = MajorInvestigationFactory(started_on=D(2024, 11, 1))
        done = CompletedInvestigationFactory(started_on=D(2024, 1, 5))
        client = api_as(caseworker)

        def refs(**params):
            response = client.get(URL, params)
            assert response.status_code == 200, response.json()
            return {r["reference"] for r in response.json()["results"]}

        assert len(refs()) == 5
        assert refs(status="completed") == {done.reference}
        assert refs(organisation="metropolitan-police-service") == {at_risk.reference}
        assert refs(is_major="true") == {major.reference}
        assert refs(scope="core", open="true") == {
            young.reference,
            at_risk.reference,
            paused.reference,
        }
        assert refs(lead=caseworker.username) == {paused.reference}
        assert refs(age_band="over_12") == {paused.reference}
        assert refs(at_risk="true") == {at_risk.reference}
        assert refs(financial_year="2024-25") == {done.reference}
        response = client.get(URL, {"age_band": "ancient"})
        assert response.status_code == 400
        assert "age_band" in response.json()


def test_list_query_count_does_not_grow_with_rows_or_page_size(
    caseworker, django_assert_max_num_queries, django_assert_num_queries
):
    client = api_as(caseworker)
    theme = ThemeFactory(code="mental_health")
    lead = CaseworkerFactory()

    def add(count):
        for investigation in InvestigationFactory.create_batch(
            count, themes=[theme], lead_investigator=lead
        ):
            for person in SubjectFactory.create_batch(2, investigation=investigation):
                AllegationFactory.create_batch(2, subject=person)

    add(1)
    with django_assert_max_num_queries(10) as small:
        assert client.get(f"{URL}?page_size=10").status_code == 200
    add(12)
    CompletedInvestigationFactory.create_batch(3)
    with django_assert_num_queries(len(small)):
        assert client.get(f"{URL}?page_size=50").status_code == 200


def test_schema_lists_investigations_with_the_contract_fields(caseworker):
    schema = api_as(caseworker).get("/api/schema/?format=json").json()
    assert "/api/v1/investigations/" in schema["paths"]
    assert "/api/v1/investigations/{reference}/notices/" in schema["paths"]
    fields = schema["components"]["schemas"]["Investigation"]["properties"]
    for name in [
        "reference",
        "referral",
        "mode",
        "started_on",
        "completed_on",
        "is_major",
        "themes",
        "status",
        "subjects",
    ]:
        assert name in fields


def test_api_records_a_twelve_month_notice_with_its_contents_and_recipients(caseworker):
    with time_machine.travel(dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC), tick=False):
        investigation = InvestigationFactory(started_on=D(2024, 5, 20))  # aware 30 April 2024
        client = api_as(caseworker)
        url = f"{URL}{investigation.reference}/notices/"
        response = client.post(url, {"due_on": "2025-04-30", "action": "given"}, format="json")
        assert response.status_code == 400
        assert {"progress", "estimated_completion_on", "delay_reasons", "planned_steps"} <= set(
            response.json()
        )
        response = client.post(
            url,
            {
                "due_on": "2025-04-30",
                "action": "given",
                "progress": "Statements taken.",
                "estimated_completion_on": "2025-09-30",
                "delay_reasons": "Awaiting expert evidence.",
                "planned_steps": "Interview the officers.",
            },
            format="json",
        )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["recipients"] == ["local_policing_body", "chief_officer"]
    assert body["estimated_completion_on"] == "2025-09-30"
    assert body["chief_officer_under_investigation"] is False
