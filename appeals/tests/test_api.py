import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from appeals.models import Application
from appeals.services import messages
from appeals.tests.factories import (
    ApplicationFactory,
    DecidedApplicationFactory,
    ForwardedApplicationFactory,
    InvalidApplicationFactory,
    LateApplicationFactory,
    UpheldApplicationFactory,
    ValidApplicationFactory,
)
from oversight.tests.helpers import token_client as api_as

D = dt.date
pytestmark = pytest.mark.django_db
URL = "/api/v1/applications/"
CONTRACT_FIELDS = {
    "reference",
    "organisation",
    "complaint_made_on",
    "outcome_notified_on",
    "received_on",
    "kind",
    "made_in_time",
    "is_valid",
    "invalid_reason",
    "decided_on",
    "result",
}


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


PCC_CODE = "police-and-crime-commissioner-for-hertfordshire"


def payload(**overrides):
    return {
        "organisation": "hertfordshire-constabulary",
        "force_reference": "CO/123/24",
        "complaint_made_on": "2024-01-15",
        "outcome_notified_on": "2024-05-10",
        "received_on": "2024-05-20",
        "subject": "investigation_outcome",
        "referred_or_should_have_been": True,
        **overrides,
    }


def test_anonymous_requests_are_refused():
    assert APIClient().get(URL).status_code == 401


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_create_and_read_applications(users, herts, role):
    client = api_as(users[role])
    response = client.post(URL, payload(), format="json")
    assert response.status_code == 201, response.data
    body = response.json()
    assert CONTRACT_FIELDS <= set(body)
    assert body["reference"] == "REV-2024-000001"
    assert body["organisation"] == "hertfordshire-constabulary"
    assert (body["kind"], body["made_in_time"], body["apply_by"]) == ("review", True, "2024-06-07")
    assert (body["is_valid"], body["invalid_reason"], body["decided_on"], body["result"]) == (
        None,
        "",
        None,
        "",
    )
    assert body["review_body"] == "oversight_body"
    read = client.get(f"{URL}{body['reference']}/").json()
    assert read["force_reference"] == "CO/123/24"


@pytest.mark.parametrize(
    ("complaint_made_on", "kind", "reference"),
    [("2020-01-31", "appeal", "APP-2024-000001"), ("2020-02-01", "review", "REV-2024-000001")],
)
def test_kind_is_derived_from_the_complaint_date(
    caseworker, herts, complaint_made_on, kind, reference
):
    body = (
        api_as(caseworker)
        .post(URL, payload(complaint_made_on=complaint_made_on), format="json")
        .json()
    )
    assert (body["kind"], body["reference"]) == (kind, reference)


def test_derived_fields_cannot_be_written(caseworker, herts):
    response = api_as(caseworker).post(
        URL,
        payload(kind="appeal", made_in_time=False, reference="REV-1999-000001", status="decided"),
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["made_in_time"], body["status"]) == ("review", True, "received")
    assert body["reference"] == "REV-2024-000001"


@pytest.mark.parametrize("own_force", [True, False])
def test_force_liaisons_get_404_for_applications(liaison, herts, met, own_force):
    application = ApplicationFactory(organisation=herts if own_force else met)
    client = api_as(liaison)
    for response in [
        client.get(URL),
        client.get(f"{URL}{application.reference}/"),
        client.post(URL, payload(), format="json"),
        client.patch(
            f"{URL}{application.reference}/", {"is_valid": True, "version": 1}, format="json"
        ),
    ]:
        assert response.status_code == 404
        assert application.reference not in response.content.decode()
    assert Application.objects.count() == 1
    application.refresh_from_db()
    assert application.is_valid is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"received_on": "2024-05-09"}, "received_on"),  # received before notified
        ({"complaint_made_on": "2024-05-11"}, "outcome_notified_on"),  # notified before complaint
        ({"received_on": "2024-06-04"}, "received_on"),
        ({"received_on": "20/05/2024"}, "received_on"),
        ({"organisation": "no-such-force"}, "organisation"),
        ({"organisation": "college-of-policing"}, "organisation"),
        ({"subject": "non_recording"}, "subject"),
        ({"subject": "other-thing"}, "subject"),
        ({"applicant": "a friend"}, "applicant"),
        ({"is_valid": False}, "invalid_reason"),
        ({"is_valid": False, "invalid_reason": "too_late"}, "invalid_reason"),
        ({"outcome_notified_on": "2024-04-01", "is_valid": True}, "special_circumstances"),
        ({"result": "upheld", "decided_on": "2024-06-01"}, "non_field_errors"),  # not judged
        ({"is_valid": True, "result": "upheld", "decided_on": "2024-06-01"}, "follow_up"),
        ({"is_valid": True, "result": "partly"}, "result"),
    ],
)
def test_bad_input_gets_400_with_field_errors_and_nothing_saved(
    caseworker, herts, overrides, field
):
    response = api_as(caseworker).post(URL, payload(**overrides), format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Application.objects.exists()


def test_patch_judges_and_decides_in_one_request(caseworker, herts):
    application = ApplicationFactory(organisation=herts)
    response = api_as(caseworker).patch(
        f"{URL}{application.reference}/",
        {
            "version": 1,
            "is_valid": True,
            "judged_on": "2024-05-21",
            "result": "upheld",
            "decided_on": "2024-06-03",
            "follow_up": ["reinvestigation"],
        },
        format="json",
    )
    assert response.status_code == 200, response.data
    body = response.json()
    assert (body["status"], body["is_valid"], body["result"], body["upheld"]) == (
        "decided",
        True,
        "upheld",
        True,
    )
    assert (body["judged_on"], body["decided_on"]) == ("2024-05-21", "2024-06-03")
    assert body["decided_by"] == caseworker.username


def test_patch_judges_a_late_application_invalid(caseworker):
    application = LateApplicationFactory()
    response = api_as(caseworker).patch(
        f"{URL}{application.reference}/",
        {"version": 1, "is_valid": False, "invalid_reason": "out_of_time"},
        format="json",
    )
    assert response.status_code == 200, response.data
    body = response.json()
    assert (body["made_in_time"], body["is_valid"], body["invalid_reason"]) == (
        False,
        False,
        "out_of_time",
    )
    assert body["judged_on"] == "2024-06-03"


def test_patch_forwards_an_application_for_the_local_policing_body(caseworker, herts_pcc):
    application = ApplicationFactory(referred_or_should_have_been=False)
    response = api_as(caseworker).patch(
        f"{URL}{application.reference}/",
        {
            "version": 1,
            "forwarded_to": "police-and-crime-commissioner-for-hertfordshire",
            "forwarded_on": "2024-05-22",
        },
        format="json",
    )
    assert response.status_code == 200, response.data
    body = response.json()
    assert (body["status"], body["review_body"], body["forwarded_on"]) == (
        "forwarded",
        "local_policing_body",
        "2024-05-22",
    )
    assert (body["forwarded_to"], body["forwarded_to_text"]) == (
        "police-and-crime-commissioner-for-hertfordshire",
        "",
    )


@pytest.mark.parametrize(
    ("forwarded_to", "message"),
    [
        ("no-such-body", "No organisation that can be chosen here has the code “no-such-body”."),
        ("college-of-policing", None),
        (None, messages.FORWARDED_TO_REQUIRED),
    ],
)
def test_forwarding_to_what_is_not_a_local_policing_body_gets_400(
    caseworker, herts_pcc, forwarded_to, message
):
    from oversight.tests.factories import OrganisationFactory

    OrganisationFactory(name="College of Policing", kind="national_body")
    application = ApplicationFactory(referred_or_should_have_been=False)
    response = api_as(caseworker).patch(
        f"{URL}{application.reference}/",
        {"version": 1, "forwarded_to": forwarded_to, "forwarded_on": "2024-05-22"},
        format="json",
    )
    assert response.status_code == 400, response.data
    assert "forwarded_to" in response.json()
    if message:
        assert response.json()["forwarded_to"] == [message]
    application.refresh_from_db()
    assert application.status == "received"


def test_api_records_the_body_an_application_was_first_made_to(caseworker, herts, herts_pcc):
    """Told the outcome on 1 April 2024 (last day 29 April), received on 2 May after the PCC
    forwarded it, first received by the PCC on 29 April: made in time (reg. 29(3))."""
    client = api_as(caseworker)
    response = client.post(
        URL,
        payload(
            outcome_notified_on="2024-04-01",
            received_on="2024-05-02",
            first_received_by="police-and-crime-commissioner-for-hertfordshire",
            first_received_on="2024-04-29",
        ),
        format="json",
    )
    assert response.status_code == 201, response.data
    body = response.json()
    assert (body["first_received_by"], body["first_received_on"], body["made_in_time"]) == (
        "police-and-crime-commissioner-for-hertfordshire",
        "2024-04-29",
        True,
    )
    late = client.post(
        URL, payload(outcome_notified_on="2024-04-01", received_on="2024-05-02"), format="json"
    ).json()
    assert (late["first_received_by"], late["first_received_on"], late["made_in_time"]) == (
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"first_received_on": "2024-05-18"}, "first_received_by"),
        ({"first_received_by": PCC_CODE}, "first_received_on"),
        ({"first_received_by": PCC_CODE, "first_received_on": "2024-05-21"}, "first_received_on"),
        ({"first_received_by": PCC_CODE, "first_received_on": "2024-05-09"}, "first_received_on"),
        ({"first_received_by": PCC_CODE, "first_received_on": "18/05/2024"}, "first_received_on"),
        ({"first_received_by": PCC_CODE, "first_received_on": "2024-02-30"}, "first_received_on"),
        (
            {"first_received_by": "no-such-body", "first_received_on": "2024-05-18"},
            "first_received_by",
        ),
        (
            {"first_received_by": "college-of-policing", "first_received_on": "2024-05-18"},
            "first_received_by",
        ),
        ({"first_received_by": ["x"], "first_received_on": "2024-05-18"}, "first_received_by"),
    ],
)
def test_bad_first_receipt_gets_400_with_field_errors_and_nothing_saved(
    caseworker, herts, herts_pcc, overrides, field
):
    from oversight.tests.factories import OrganisationFactory

    OrganisationFactory(name="College of Policing", kind="national_body")
    response = api_as(caseworker).post(URL, payload(**overrides), format="json")
    assert response.status_code == 400, response.data
    assert field in response.json(), response.json()
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (InvalidApplicationFactory, messages.DECIDE_INVALID),
        (ApplicationFactory, messages.NOT_JUDGED),
        (ForwardedApplicationFactory, "forwarded to"),
        (DecidedApplicationFactory, "it is decided only once"),
    ],
)
def test_deciding_what_cannot_be_decided_is_refused(caseworker, factory, message):
    application = factory()
    before = (application.status, application.result, application.version)
    response = api_as(caseworker).patch(
        f"{URL}{application.reference}/",
        {
            "version": application.version,
            "result": "upheld",
            "decided_on": "2024-06-03",
            "follow_up": ["reinvestigation"],
        },
        format="json",
    )
    assert response.status_code == 400
    assert message in str(response.json())
    application.refresh_from_db()
    assert (application.status, application.result, application.version) == before


def test_patch_with_a_stale_version_gets_409(caseworker):
    application = ValidApplicationFactory()
    client = api_as(caseworker)
    url = f"{URL}{application.reference}/"
    assert client.patch(url, {"summary": "First", "version": 1}, format="json").status_code == 200
    response = client.patch(
        url, {"result": "not_upheld", "decided_on": "2024-06-03", "version": 1}, format="json"
    )
    assert response.status_code == 409
    assert "Someone else changed this record" in response.json()["detail"]
    application.refresh_from_db()
    assert (application.summary, application.status) == ("First", "valid")


def test_patch_without_a_version_is_refused(caseworker):
    application = ApplicationFactory()
    response = api_as(caseworker).patch(
        f"{URL}{application.reference}/", {"summary": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_put_of_a_decided_application_edits_details_without_deciding_again(caseworker, herts):
    application = UpheldApplicationFactory(organisation=herts)
    client = api_as(caseworker)
    url = f"{URL}{application.reference}/"
    body = client.get(url).json()
    body.update(summary="Corrected grounds", organisation="hertfordshire-constabulary")
    response = client.put(url, body, format="json")
    assert response.status_code == 200, response.data
    assert response.json()["summary"] == "Corrected grounds"
    assert response.json()["result"] == "upheld"
    # Changing the decision is deciding twice.
    body = response.json()
    body.update(result="not_upheld", follow_up=[])
    assert client.put(url, body, format="json").status_code == 400


def test_list_filters(caseworker, herts, met):
    waiting = ApplicationFactory(organisation=herts, subject="investigation_outcome")
    late = LateApplicationFactory(organisation=met)
    upheld = UpheldApplicationFactory(organisation=met)
    decided = DecidedApplicationFactory(organisation=herts, received_on=D(2023, 6, 1))
    appeal = UpheldApplicationFactory(organisation=herts, complaint_made_on=D(2019, 6, 1))
    client = api_as(caseworker)

    def refs(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.json()
        return {r["reference"] for r in response.json()["results"]}

    assert refs() == {a.reference for a in [waiting, late, upheld, decided, appeal]}
    assert refs(kind="appeal") == {appeal.reference}
    assert refs(kind="review", result="upheld") == {upheld.reference}
    assert refs(is_valid="true") == {upheld.reference, decided.reference, appeal.reference}
    assert refs(is_valid="unknown") == {waiting.reference, late.reference}
    assert refs(organisation="metropolitan-police-service") == {late.reference, upheld.reference}
    assert refs(financial_year="2023-24") == {decided.reference}
    assert refs(decided="false") == {waiting.reference, late.reference}
    assert refs(made_in_time="false") == {late.reference}
    assert refs(subject="investigation_outcome") == {waiting.reference}
    assert refs(q=upheld.reference) == {upheld.reference}
    response = client.get(URL, {"financial_year": "2023"})
    assert response.status_code == 400
    assert "financial_year" in response.json()
    assert client.get(URL, {"kind": "complaint"}).status_code == 400


def test_list_query_count_does_not_grow_with_rows_or_page_size(
    caseworker, herts, met, django_assert_max_num_queries, django_assert_num_queries
):
    client = api_as(caseworker)
    UpheldApplicationFactory.create_batch(2, organisation=herts)
    with django_assert_max_num_queries(6) as small:
        assert client.get(f"{URL}?page_size=10").status_code == 200
    UpheldApplicationFactory.create_batch(20, organisation=met)
    ApplicationFactory.create_batch(10, organisation=herts)
    InvalidApplicationFactory.create_batch(5, organisation=herts)
    with django_assert_num_queries(len(small)):
        assert client.get(f"{URL}?page_size=50").status_code == 200


def test_retrieve_logs_the_view(caseworker):
    from oversight.core.models import ViewLog

    application = ApplicationFactory()
    api_as(caseworker).get(f"{URL}{application.reference}/")
    log = ViewLog.objects.get()
    assert (log.reference, log.via_api) == (application.reference, True)


def test_schema_documents_applications(caseworker):
    schema = api_as(caseworker).get("/api/schema/?format=json").json()
    assert "/api/v1/applications/" in schema["paths"]
    assert "/api/v1/applications/{reference}/" in schema["paths"]
    read = schema["components"]["schemas"]["Application"]["properties"]
    assert CONTRACT_FIELDS <= set(read)
    assert read["kind"]["readOnly"] is True
    assert read["made_in_time"]["readOnly"] is True
    for name in ("first_received_on", "first_received_by", "forwarded_to", "forwarded_to_text"):
        assert read[name]["readOnly"] is True
        assert read[name]["description"]
    assert read["first_received_by"]["nullable"] is True
    write = schema["components"]["schemas"]["ApplicationWriteRequest"]["properties"]
    for name in ("first_received_on", "first_received_by", "forwarded_to"):
        assert write[name]["description"], name


def test_api_gives_the_regime_and_takes_its_reason(caseworker, herts):
    """SI 2020/5 reg. 3: regime is read-only and derived; regime_reason moves it off the
    date's regime, and a reason that does not is a 400 on that field."""
    client = api_as(caseworker)
    linked = client.post(
        URL,
        payload(complaint_made_on="2020-03-01", regime_reason="linked_to_earlier_matter"),
        format="json",
    )
    assert linked.status_code == 201, linked.data
    body = linked.json()
    assert (body["regime"], body["regime_reason"], body["kind"]) == (
        "pre_2020",
        "linked_to_earlier_matter",
        "appeal",
    )
    assert body["reference"] == "APP-2024-000001"
    refused = client.post(
        URL, payload(complaint_made_on="2019-06-01", regime_reason="linked_to_earlier_matter")
    )
    assert refused.status_code == 400
    assert refused.json() == {"regime_reason": [messages.REGIME_REASON_DOES_NOT_APPLY]}
    ignored = client.post(URL, payload(regime="pre_2020"), format="json").json()
    assert (ignored["regime"], ignored["kind"]) == ("post_2020", "review")
    schema = client.get("/api/schema/?format=json").json()
    read = schema["components"]["schemas"]["Application"]["properties"]
    assert read["regime"]["readOnly"] is True
    assert "treated_as_referred" in read
