"""Owners of case records: the rule, the shared services, the history, the pages, the API
and the access rules, for each of the four kinds of record (referral, investigation,
application, recommendation)."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from appeals.tests.factories import ApplicationFactory
from cases.tests.factories import InvestigationFactory, ReferralFactory
from learning.tests.factories import IssuedRecommendationFactory, themed
from oversight.core import ownership
from oversight.core.errors import CONFLICT_MESSAGE, ConflictError
from oversight.core.history import history_of
from oversight.core.ownership import owner_change_refusal
from oversight.core.services import record_assign, record_take
from oversight.tests.factories import CaseworkerFactory, LiaisonFactory, ManagerFactory
from oversight.tests.helpers import token_client as api_as

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


# (name, factory of a record a liaison of herts could see if it were a recommendation, the
# URL namespace and noun, the API path)
KINDS = {
    "referral": (ReferralFactory, "cases:referral", "/api/v1/referrals/"),
    "investigation": (
        InvestigationFactory,
        "investigations:investigation",
        "/api/v1/investigations/",
    ),
    "application": (ApplicationFactory, "appeals:application", "/api/v1/applications/"),
    "recommendation": (
        IssuedRecommendationFactory,
        "learning:recommendation",
        "/api/v1/recommendations/",
    ),
}


def make(kind, herts, **kwargs):
    factory = KINDS[kind][0]
    if kind == "recommendation":
        return factory(recipient=herts, **kwargs)
    if kind == "referral" or kind == "application":
        return factory(organisation=herts, **kwargs)
    return factory(referral__organisation=herts, **kwargs)


def url(kind, page, record=None):
    name = f"{KINDS[kind][1]}-{page}"
    return reverse(name, args=[record.reference]) if record is not None else reverse(name)


@pytest.fixture
def casey(db):
    return CaseworkerFactory(username="casey.worker", first_name="Casey", last_name="Worker")


@pytest.fixture
def manny(db):
    return ManagerFactory(username="manny.manager", first_name="Manny", last_name="Manager")


# The rule ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("manager", "current", "new", "refusal"),
    [
        (False, None, 1, None),  # take an unallocated case
        (False, 1, 1, None),  # leave it as it is
        (False, None, None, None),
        (False, 2, 1, ownership.ALREADY_OWNED),  # take someone else's
        (False, None, 2, ownership.ONLY_MANAGERS_ASSIGN),  # give it to someone else
        (False, 1, None, ownership.ONLY_MANAGERS_UNASSIGN),
        (False, 1, 2, ownership.ONLY_MANAGERS_ASSIGN),  # give your own case away
        (True, 2, 3, None),  # a manager reassigns
        (True, 2, None, None),
        (True, None, 3, None),
    ],
)
def test_owner_change_rule(manager, current, new, refusal):
    assert (
        owner_change_refusal(
            actor_id=1, actor_is_manager=manager, current_owner_id=current, new_owner_id=new
        )
        == refusal
    )


# The services ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_anyone_on_the_staff_takes_an_unallocated_case(kind, herts, casey):
    record = make(kind, herts)
    taken = record_take(actor=casey, record=record, version=record.version)
    record.refresh_from_db()
    assert record.owner == casey
    assert record.version == taken.version == 2
    assert record.updated_by == casey


@pytest.mark.parametrize("kind", KINDS)
def test_taking_a_case_someone_owns_is_refused_naming_the_owner(kind, herts, casey, manny):
    other = CaseworkerFactory(first_name="Olive", last_name="Owner")
    record = make(kind, herts, owner=other)
    with pytest.raises(ValidationError) as raised:
        record_take(actor=casey, record=record, version=record.version)
    assert raised.value.message_dict["owner"] == [
        ownership.ALREADY_OWNED.format(reference=record.reference, owner="Olive Owner")
    ]
    record.refresh_from_db()
    assert record.owner == other
    assert record.version == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_manager_reassigns_and_unassigns(kind, herts, casey, manny):
    record = make(kind, herts, owner=CaseworkerFactory())
    record = record_assign(actor=manny, record=record, owner=casey, version=1)
    assert record.owner == casey
    record = record_assign(actor=manny, record=record, owner=None, version=2)
    record.refresh_from_db()
    assert record.owner is None
    assert record.version == 3


@pytest.mark.parametrize("kind", KINDS)
def test_a_non_manager_cannot_give_a_case_to_someone_else(kind, herts, casey):
    record = make(kind, herts)
    with pytest.raises(ValidationError) as raised:
        record_assign(actor=casey, record=record, owner=CaseworkerFactory(), version=1)
    assert raised.value.message_dict["owner"] == [ownership.ONLY_MANAGERS_ASSIGN]
    record.refresh_from_db()
    assert record.owner is None


@pytest.mark.parametrize("kind", KINDS)
def test_only_casework_staff_can_own_a_case(kind, herts, manny):
    record = make(kind, herts)
    for owner in (LiaisonFactory(organisation=herts), CaseworkerFactory(is_active=False)):
        with pytest.raises(ValidationError) as raised:
            record_assign(actor=manny, record=record, owner=owner, version=1)
        assert raised.value.message_dict["owner"] == [ownership.OWNER_NOT_STAFF]


@pytest.mark.parametrize("kind", KINDS)
def test_a_stale_version_is_refused(kind, herts, casey):
    record = make(kind, herts)
    record.version = 2
    record.save(update_fields=["version"])
    with pytest.raises(ConflictError):
        record_take(actor=casey, record=record, version=1)
    record.refresh_from_db()
    assert record.owner is None


@pytest.mark.parametrize("kind", KINDS)
def test_the_history_tells_who_changed_the_owner(kind, herts, casey, manny):
    record = make(kind, herts)
    record_assign(actor=manny, record=record, owner=casey, version=1)
    record_assign(actor=manny, record=record, owner=None, version=2)
    entries = history_of(record, type(record))
    owner_entries = [(e.what, e.who) for e in entries if e.what.startswith("Owner")]
    assert owner_entries == [
        ("Owner changed to Casey Worker", "Manny Manager"),
        ("Owner changed to unallocated", "Manny Manager"),
    ]


# Pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_detail_page_offers_assign_to_me_by_post_while_unallocated(kind, client_as, herts, casey):
    record = make(kind, herts)
    html = client_as(casey).get(record.get_absolute_url()).content.decode()
    assert "Owner" in html
    assert "Unallocated" in html
    assert f'action="{url(kind, "take", record)}"' in html
    assert "Assign to me" in html
    assert "Change owner" not in html  # managers only


@pytest.mark.parametrize("kind", KINDS)
def test_manager_sees_change_owner_and_owned_case_shows_no_take(kind, client_as, herts, manny):
    record = make(kind, herts, owner=manny)
    html = client_as(manny).get(record.get_absolute_url()).content.decode()
    assert "Manny Manager" in html
    assert url(kind, "owner", record) in html
    assert "Assign to me" not in html  # already theirs


@pytest.mark.parametrize("kind", KINDS)
def test_assign_to_me_takes_the_case_and_says_so(kind, client_as, herts, casey):
    record = make(kind, herts)
    client = client_as(casey)
    assert client.get(url(kind, "take", record)).status_code == 405  # no GET writes
    response = client.post(url(kind, "take", record), {"version": 1}, follow=True)
    assert ownership.TAKEN.format(reference=record.reference) in response.content.decode()
    record.refresh_from_db()
    assert record.owner == casey


@pytest.mark.parametrize("kind", KINDS)
def test_assign_to_me_on_an_owned_case_shows_the_refusal(kind, client_as, herts, casey):
    record = make(kind, herts, owner=CaseworkerFactory(first_name="Olive", last_name="Owner"))
    response = client_as(casey).post(url(kind, "take", record), {"version": 1}, follow=True)
    assert "already owned by Olive Owner" in response.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_manager_changes_the_owner_on_the_step_page(kind, client_as, herts, casey, manny):
    record = make(kind, herts)
    client = client_as(manny)
    page = client.get(url(kind, "owner", record)).content.decode()
    assert "casey.worker" in page
    assert "Unallocated" in page
    response = client.post(
        url(kind, "owner", record), {"version": 1, "owner": "casey.worker"}, follow=True
    )
    assert f"{record.reference} is now owned by Casey Worker." in response.content.decode()
    assert "Owner changed to Casey Worker" in response.content.decode()  # the history
    response = client.post(url(kind, "owner", record), {"version": 1, "owner": ""})
    assert CONFLICT_MESSAGE in response.content.decode()
    record.refresh_from_db()
    assert record.owner == casey  # the stale save changed nothing


@pytest.mark.parametrize("kind", KINDS)
def test_a_caseworker_is_refused_the_change_owner_step(kind, client_as, herts, casey):
    record = make(kind, herts)
    response = client_as(casey).get(url(kind, "owner", record), follow=True)
    assert ownership.ONLY_MANAGERS_CHANGE in response.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_lists_filter_by_owner_me_and_unallocated(kind, client_as, herts, casey, manny):
    mine, theirs, nobodys = (
        make(kind, herts, owner=casey),
        make(kind, herts, owner=manny),
        make(kind, herts),
    )
    client = client_as(casey)

    def shown(query):
        html = client.get(url(kind, "list"), query).content.decode()
        return {r.reference for r in (mine, theirs, nobodys) if r.reference in html}

    assert shown({}) == {mine.reference, theirs.reference, nobodys.reference}
    assert shown({"owner": "me"}) == {mine.reference}
    assert shown({"owner": "manny.manager"}) == {theirs.reference}
    assert shown({"owner": "unallocated"}) == {nobodys.reference}
    page = client.get(url(kind, "list")).content.decode()
    assert 'name="owner"' in page
    assert "Manny Manager" in page


@pytest.mark.parametrize("kind", KINDS)
def test_csv_export_has_the_owners_username(kind, client_as, herts, casey, manny):
    make(kind, herts, owner=casey)
    make(kind, herts)
    response = client_as(manny).get(url(kind, "export"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    owners = [row[rows[0].index("Owner")] for row in rows[1:]]
    assert sorted(owners) == ["", "casey.worker"]


@pytest.mark.parametrize("kind", KINDS)
def test_list_query_count_does_not_grow_with_owned_rows(
    kind, client_as, herts, manny, django_assert_max_num_queries, django_assert_num_queries
):
    client = client_as(manny)
    make(kind, herts, owner=manny)
    make(kind, herts)
    with django_assert_max_num_queries(14) as small:
        assert client.get(url(kind, "list")).status_code == 200
    for _ in range(12):
        make(kind, herts, owner=CaseworkerFactory())
    with django_assert_num_queries(len(small)):
        assert client.get(url(kind, "list")).status_code == 200


# Access: a liaison sees nothing of owners ----------------------------------------------


def test_liaison_gets_404_on_the_owner_routes_and_sees_no_owner(client_as, herts, casey):
    liaison = LiaisonFactory(organisation=herts)
    recommendation = IssuedRecommendationFactory(recipient=herts, owner=casey)
    client = client_as(liaison)
    for step in ("take", "owner"):
        assert client.get(url("recommendation", step, recommendation)).status_code == 404
        assert client.post(url("recommendation", step, recommendation)).status_code == 404
    for page in (recommendation.get_absolute_url(), url("recommendation", "list")):
        html = client.get(page).content.decode()
        assert recommendation.reference in html
        assert "Casey" not in html
        assert "Owner" not in html
        assert "Assign to me" not in html
    html = client.get(url("recommendation", "list"), {"owner": "casey.worker"}).content.decode()
    assert recommendation.reference in html  # no owner filter to narrow by


@pytest.mark.parametrize("kind", ["referral", "investigation", "application"])
def test_liaison_gets_404_on_other_records_owner_routes(kind, client_as, herts):
    record = make(kind, herts)
    client = client_as(LiaisonFactory(organisation=herts))
    for step in ("take", "owner"):
        assert client.post(url(kind, step, record), {"version": 1}).status_code == 404
    record.refresh_from_db()
    assert record.owner is None


def test_liaison_api_representation_has_no_owner_and_ignores_owner_filters(herts, casey):
    recommendation = IssuedRecommendationFactory(recipient=herts, owner=casey)
    client = api_as(LiaisonFactory(organisation=herts))
    detail = client.get(f"/api/v1/recommendations/{recommendation.reference}/").json()
    assert "owner" not in detail
    listed = client.get("/api/v1/recommendations/").json()["results"]
    assert [item["reference"] for item in listed] == [recommendation.reference]
    assert "owner" not in listed[0]
    for query in ("?owner=nobody", "?unallocated=true"):
        response = client.get(f"/api/v1/recommendations/{query}")
        assert response.status_code == 200
        assert [i["reference"] for i in response.json()["results"]] == [recommendation.reference]


# The API -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_staff_representation_has_the_owner_username(kind, herts, casey):
    owned, unallocated = make(kind, herts, owner=casey), make(kind, herts)
    client = api_as(casey)
    base = KINDS[kind][2]
    assert client.get(f"{base}{owned.reference}/").json()["owner"] == "casey.worker"
    assert client.get(f"{base}{unallocated.reference}/").json()["owner"] is None
    listed = {i["reference"]: i["owner"] for i in client.get(base).json()["results"]}
    assert listed == {owned.reference: "casey.worker", unallocated.reference: None}


@pytest.mark.parametrize("kind", KINDS)
def test_api_filters_by_owner_and_unallocated(kind, herts, casey, manny):
    mine, nobodys = make(kind, herts, owner=casey), make(kind, herts)
    client = api_as(manny)
    base = KINDS[kind][2]

    def listed(query):
        response = client.get(f"{base}{query}")
        assert response.status_code == 200, response.content
        return [i["reference"] for i in response.json()["results"]]

    assert listed("?owner=casey.worker") == [mine.reference]
    assert listed("?unallocated=true") == [nobodys.reference]
    assert listed("?unallocated=false") == [mine.reference]
    assert listed("?owner=unallocated") == [nobodys.reference]
    assert listed("?owner=me") == []
    for bad in ("?owner=no.such.user", "?unallocated=perhaps"):
        response = client.get(f"{base}{bad}")
        assert response.status_code == 400
        assert set(response.json()) & {"owner", "unallocated"}, response.json()


@pytest.mark.parametrize("kind", KINDS)
def test_api_patch_takes_an_unallocated_case_for_yourself(kind, herts, casey):
    record = make(kind, herts)
    base = KINDS[kind][2]
    response = api_as(casey).patch(
        f"{base}{record.reference}/", {"owner": "casey.worker", "version": 1}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["owner"] == "casey.worker"
    assert response.json()["version"] == 2


@pytest.mark.parametrize("kind", KINDS)
def test_api_patch_owner_rules_for_a_non_manager(kind, herts, casey):
    record = make(kind, herts, owner=casey)
    client, path = api_as(casey), f"{KINDS[kind][2]}{record.reference}/"
    CaseworkerFactory(username="other")
    for value, message in (
        ("other", ownership.ONLY_MANAGERS_ASSIGN),
        (None, ownership.ONLY_MANAGERS_UNASSIGN),
    ):
        response = client.patch(path, {"owner": value, "version": 1}, format="json")
        assert response.status_code == 400, response.content
        assert response.json()["owner"] == [message]
    # Leaving it as it is is allowed.
    response = client.patch(path, {"owner": "casey.worker", "version": 1}, format="json")
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.owner == casey


@pytest.mark.parametrize("kind", KINDS)
def test_api_manager_reassigns_and_bad_usernames_and_stale_versions_are_refused(
    kind, herts, casey, manny
):
    record = make(kind, herts, owner=casey)
    client, path = api_as(manny), f"{KINDS[kind][2]}{record.reference}/"
    response = client.patch(path, {"owner": "manny.manager", "version": 1}, format="json")
    assert response.status_code == 200
    assert response.json()["owner"] == "manny.manager"
    response = client.patch(path, {"owner": "nobody", "version": 2}, format="json")
    assert response.status_code == 400
    assert "owner" in response.json()
    liaison = LiaisonFactory(organisation=herts)
    response = client.patch(path, {"owner": liaison.username, "version": 2}, format="json")
    assert response.status_code == 400
    assert "owner" in response.json()
    response = client.patch(path, {"owner": None, "version": 1}, format="json")
    assert response.status_code == 409
    response = client.patch(path, {"owner": None, "version": 2}, format="json")
    assert response.status_code == 200
    assert response.json()["owner"] is None


def test_api_create_with_owner_yourself_or_as_a_manager(herts, casey, manny):
    body = {
        "organisation": "hertfordshire-constabulary",
        "received_on": "2024-06-03",
        "matter_type": "dsi",
        "referral_type": "mandatory",
        "categories": ["death_or_serious_injury"],
        "summary": "Man found unresponsive in a cell.",
    }
    response = api_as(casey).post("/api/v1/referrals/", {**body, "owner": "casey.worker"})
    assert response.status_code == 201
    assert response.json()["owner"] == "casey.worker"
    response = api_as(casey).post("/api/v1/referrals/", {**body, "owner": "manny.manager"})
    assert response.status_code == 400
    assert "owner" in response.json()
    response = api_as(manny).post("/api/v1/referrals/", {**body, "owner": "casey.worker"})
    assert response.status_code == 201
    assert response.json()["owner"] == "casey.worker"
    response = api_as(manny).post("/api/v1/referrals/", body)
    assert response.status_code == 201
    assert response.json()["owner"] is None


def test_api_create_of_a_refused_owner_saves_nothing(herts, casey):
    from learning.models import Recommendation

    theme = themed("Custody")
    body = {"source": "thematic", "theme": theme.code, "status": "draft", "owner": "nobody"}
    assert api_as(casey).post("/api/v1/recommendations/", body).status_code == 400
    body["owner"] = CaseworkerFactory(username="someone").username
    response = api_as(casey).post("/api/v1/recommendations/", body, format="json")
    assert response.status_code == 400
    assert "owner" in response.json()
    assert not Recommendation.objects.exists()


def test_api_patch_owner_of_an_issued_recommendation(herts, casey):
    """Only drafts change their details, but anyone may take an issued one."""
    recommendation = IssuedRecommendationFactory(recipient=herts)
    response = api_as(casey).patch(
        f"/api/v1/recommendations/{recommendation.reference}/",
        {"owner": "casey.worker", "version": 1},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["owner"] == "casey.worker"
