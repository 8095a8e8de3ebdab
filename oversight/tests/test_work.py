"""Your work (GET /api/v1/work/): the duties on the signed-in user's cases, soonest first, each
from the rule of its kind of case; managers see anyone's and the unallocated queue; one query
per kind of duty whatever the number of cases."""

import datetime as dt

import pytest
import time_machine

from appeals.tests.factories import ApplicationFactory
from cases.models import Investigation
from cases.tests.factories import (
    CompletedInvestigationFactory,
    InvestigationFactory,
    ReferralFactory,
)
from learning.tests.factories import OverdueRecommendationFactory, RespondedRecommendationFactory
from oversight.tests.core.casework.factories import (
    ContactFactory,
    PartyFactory,
    RepresentativeFactory,
)
from oversight.tests.helpers import token_client
from oversight.work import rules

D = dt.date
URL = "/api/v1/work/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_3_june_2024():
    with time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False):
        yield


def cases_of(owner, herts):
    """One case of each duty: a referral awaiting its decision (due 7 May: overdue), an open
    investigation owed its 12-month notice (17 April 2025) and, to its complainant, the first
    progress update (4 June), a completed one whose complainant is owed the outcome (9 May:
    overdue), an application to decide (the target of 90 days: 18 August), a statutory
    recommendation whose response is overdue (due 25 April 2024), one whose response awaits
    publication (due 9 June)."""
    referral = ReferralFactory(owner=owner, organisation=herts)
    investigation = InvestigationFactory(owner=owner)
    PartyFactory(investigation=investigation)
    completed = CompletedInvestigationFactory(owner=owner, started_on=D(2023, 12, 1))
    PartyFactory(investigation=completed, role="interested_person")
    application = ApplicationFactory(owner=owner, organisation=herts)
    overdue = OverdueRecommendationFactory(owner=owner, recipient=herts)
    to_publish = RespondedRecommendationFactory(owner=owner, recipient=herts)
    return referral, investigation, completed, application, overdue, to_publish


def test_your_work_lists_each_duty_soonest_first(caseworker, herts):
    referral, investigation, completed, application, overdue, to_publish = cases_of(
        caseworker, herts
    )
    ReferralFactory(organisation=herts)  # unallocated: not mine
    body = token_client(caseworker).get(URL).json()
    got = [
        (i["reference"], i["kind"], i["duty"], i["due_on"], i["overdue"]) for i in body["results"]
    ]
    assert got == [
        (overdue.reference, "recommendation", "response_overdue", "2024-04-25", True),
        # Received 1 May: 3 working days, past the bank holiday of 6 May.
        (referral.reference, "referral", "mode_decision", "2024-05-07", True),
        # Completed 1 May: 5 working days, past the same bank holiday.
        (completed.reference, "investigation", "outcome_notice", "2024-05-09", True),
        # Started 7 May: 28 days.
        (investigation.reference, "investigation", "progress_update", "2024-06-04", False),
        (to_publish.reference, "recommendation", "publication", "2024-06-09", False),
        # Received 20 May: the body's target of 90 days.
        (application.reference, "application", "application_decision", "2024-08-18", False),
        (
            investigation.reference,
            "investigation",
            "statutory_notice",
            investigation.next_notice_due_on.isoformat(),
            False,
        ),
    ]
    assert (body["count"], body["overdue"], body["due_this_week"]) == (7, 3, 2)
    assert body["results"][1]["summary"] == (
        f"{rules.DUTIES['mode_decision']} (Hertfordshire Constabulary)"
    )


def test_done_duties_leave_the_list(caseworker, herts):
    referral, investigation, completed, application, overdue, to_publish = cases_of(
        caseworker, herts
    )
    type(referral).objects.filter(pk=referral.pk).update(
        status="decided", mode="local", decided_on=D(2024, 5, 7)
    )
    told = completed.parties.get()
    ContactFactory(party=told, investigation=completed, kind="outcome", on=D(2024, 5, 3))
    type(application).objects.filter(pk=application.pk).update(
        status="invalid",
        is_valid=False,
        invalid_reason="out_of_time",
        judged_on=D(2024, 5, 22),
        judged_by=caseworker,
    )
    Investigation.objects.filter(pk=investigation.pk).update(
        status="completed", completed_on=D(2024, 6, 1)
    )
    to_publish.responses.update(published_on=D(2024, 6, 1))
    body = token_client(caseworker).get(URL).json()
    # The investigation completed with its complainant not yet told: the outcome is owed.
    assert [(i["reference"], i["duty"]) for i in body["results"]] == [
        (overdue.reference, "response_overdue"),
        (investigation.reference, "outcome_notice"),
    ]


def test_an_update_sent_to_the_representative_tells_the_person_they_act_for(caseworker):
    investigation = InvestigationFactory(owner=caseworker)
    family = PartyFactory(investigation=investigation, role="interested_person")
    solicitor = RepresentativeFactory(investigation=investigation, acting_for=family)
    ContactFactory(party=solicitor, investigation=investigation, on=D(2024, 5, 30))
    # An inbound call does not tell anyone anything.
    ContactFactory(
        party=family, investigation=investigation, direction="inbound", on=D(2024, 6, 1)
    )
    body = token_client(caseworker).get(URL).json()
    due = {i["duty"]: i["due_on"] for i in body["results"]}
    assert due["progress_update"] == "2024-06-27"


def test_a_manager_sees_anyones_work_and_the_unallocated_queue(caseworker, manager, herts):
    mine = {case.reference for case in cases_of(caseworker, herts)}
    unallocated = ReferralFactory(organisation=herts)
    client = token_client(manager)
    assert client.get(URL).json()["count"] == 0  # the manager's own: none
    assert client.get(URL, {"owner": caseworker.username}).json()["count"] == 7
    queue = {i["reference"] for i in client.get(URL, {"unallocated": "true"}).json()["results"]}
    assert unallocated.reference in queue
    assert not queue & mine


def test_only_a_manager_sees_another_persons_work(caseworker, manager):
    client = token_client(caseworker)
    assert client.get(URL, {"owner": manager.username}).status_code == 403
    assert client.get(URL, {"unallocated": "true"}).status_code == 403
    assert client.get(URL, {"owner": caseworker.username}).status_code == 200


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"owner": "nobody"}, "owner"),
        ({"unallocated": "perhaps"}, "unallocated"),
        ({"owner": "casey", "unallocated": "true"}, "unallocated"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(manager, caseworker, query, field):
    response = token_client(manager).get(URL, query)
    assert response.status_code == 400
    assert field in response.json()


def test_a_force_liaison_is_told_there_is_no_such_thing(liaison):
    assert token_client(liaison).get(URL).status_code == 404


@pytest.mark.parametrize("copies", [1, 4])
def test_the_query_count_does_not_grow_with_the_cases(
    caseworker, herts, copies, django_assert_max_num_queries
):
    for _ in range(copies):
        cases_of(caseworker, herts)
    client = token_client(caseworker)
    with django_assert_max_num_queries(11):
        body = client.get(URL).json()
    assert body["count"] == 7 * copies


# The staff home page, "Your work".


def test_signing_in_staff_land_on_their_work(client_as, caseworker, herts):
    cases = cases_of(caseworker, herts)
    referral = cases[0]
    page = client_as(caseworker).get("/").content.decode()
    assert '<h1 class="govuk-heading-l">Your work</h1>' in page
    assert "3 overdue" in page
    assert "2 due this week" in page
    for case in cases:
        assert case.reference in page
    assert f'href="/referrals/{referral.reference}/"' in page
    assert "Caseloads" not in page  # for managers


def test_a_manager_sees_caseloads_the_queue_and_anyones_work(
    client_as, caseworker, manager, herts
):
    cases_of(caseworker, herts)
    client = client_as(manager)
    page = client.get("/").content.decode()
    assert "Caseloads" in page
    assert f'href="?owner={caseworker.username}"' in page
    theirs = client.get("/", {"owner": caseworker.username}).content.decode()
    assert f"Work of {caseworker.display_name}" in theirs
    assert "3 overdue" in theirs
    assert "Unallocated cases" in client.get("/", {"unallocated": "true"}).content.decode()


def test_only_a_manager_opens_another_persons_work_page(client_as, caseworker, manager):
    client = client_as(caseworker)
    assert client.get("/", {"owner": manager.username}).status_code == 403
    assert client.get("/", {"owner": "nobody"}).status_code == 404


def test_a_liaison_home_is_their_organisations_page(client_as, liaison):
    page = client_as(liaison).get("/").content.decode()
    assert "You are signed in as a liaison" in page
    assert "Your work" not in page


@pytest.mark.parametrize("copies", [1, 4])
def test_the_work_page_query_count_does_not_grow_with_the_cases(
    client_as, manager, caseworker, herts, copies, django_assert_max_num_queries
):
    for _ in range(copies):
        cases_of(caseworker, herts)
    client = client_as(manager)
    # 26 at both sizes here: the session and user, the seven duties for the person (and the
    # closures around the completions; the untold first), and for the caseloads the staff,
    # four grouped counts and the duties of everyone.
    with django_assert_max_num_queries(26):
        assert client.get("/", {"owner": caseworker.username}).status_code == 200


def test_the_outcome_and_decision_periods_are_the_bodys_settings(caseworker, herts, settings):
    settings.OUTCOME_NOTICE_WORKING_DAYS = 10
    settings.APPLICATION_DECISION_TARGET_DAYS = 30
    cases = cases_of(caseworker, herts)
    due = {
        (i["reference"], i["duty"]): i["due_on"]
        for i in token_client(caseworker).get(URL).json()["results"]
    }
    # Completed 1 May 2024: ten working days, past the bank holiday of 6 May.
    assert due[(cases[2].reference, "outcome_notice")] == "2024-05-16"
    assert due[(cases[3].reference, "application_decision")] == "2024-06-19"


def test_a_long_list_of_work_pages_with_the_counts_of_all(
    client_as, caseworker, herts, monkeypatch
):
    monkeypatch.setattr("oversight.work.views.PER_PAGE", 5)
    cases_of(caseworker, herts)  # 7 duties, 3 overdue
    client = client_as(caseworker)
    first = client.get("/").content.decode()
    assert "3 overdue" in first
    assert "Showing duties 1 to 5 of 7." in first
    assert 'href="?page=2"' in first
    second = client.get("/", {"page": "2"}).content.decode()
    assert "Showing duties 6 to 7 of 7." in second
    assert "3 overdue" in second
