import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from cases.investigations.services import messages
from cases.models import Investigation, Subject
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
from learning.tests.factories import IssuedRecommendationFactory, RecommendationFactory
from oversight.core.models import ViewLog
from oversight.tests.core.casework.factories import (
    ContactFactory,
    PartyFactory,
    RepresentativeFactory,
)
from oversight.tests.helpers import date_fields

D = dt.date
pytestmark = pytest.mark.django_db
ON_3_JUNE_2024 = time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


@pytest.fixture
def referral(herts):
    return DecidedReferralFactory(
        organisation=herts, received_on=D(2024, 5, 1), first_aware_on=D(2024, 4, 20)
    )


def open_post(caseworker, **overrides):
    data = {
        **date_fields("started_on", D(2024, 5, 8)),
        "lead_investigator": caseworker.username,
        "themes": ["mental_health"],
        "is_major": "no",
        **date_fields("first_aware_on", D(2024, 4, 20)),
        **management("subjects", 2),
        "subjects-0-name": "Alex Smith",
        "subjects-0-rank": "Police constable",
        "subjects-0-collar_number": "PC 1234",
        "subjects-0-organisation": "",
    }
    data.update(overrides)
    return data


def page_urls(investigation, subject):
    ref = investigation.reference
    return [
        reverse("investigations:investigation-list"),
        reverse("investigations:investigation-ageing"),
        reverse("investigations:investigation-export"),
        reverse("investigations:investigation-open", args=[investigation.referral.reference]),
        reverse("investigations:investigation-detail", args=[ref]),
        reverse("investigations:investigation-edit", args=[ref]),
        reverse("investigations:investigation-status", args=[ref]),
        reverse("investigations:investigation-notice", args=[ref]),
        reverse("investigations:subject-create", args=[ref]),
        reverse("investigations:subject-edit", args=[ref, subject.pk]),
    ]


# Permissions per role ------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("investigations:investigation-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_see_every_investigation_page(client_as, users, role):
    investigation = InvestigationFactory()
    subject = SubjectFactory(investigation=investigation)
    client = client_as(users[role])
    for url in page_urls(investigation, subject):
        assert client.get(url).status_code == 200, url


def test_force_liaisons_get_404_on_every_investigation_page(client_as, liaison, herts):
    investigation = InvestigationFactory(referral__organisation=herts)  # their own force
    subject = SubjectFactory(investigation=investigation)
    client = client_as(liaison)
    for url in page_urls(investigation, subject):
        response = client.get(url)
        assert response.status_code == 404, url
        assert investigation.reference.encode() not in response.content
    ref = investigation.reference
    for url in [
        reverse("investigations:investigation-status", args=[ref]),
        reverse("investigations:investigation-edit", args=[ref]),
        reverse("investigations:subject-remove", args=[ref, subject.pk]),
    ]:
        assert client.post(url, {"version": 1}).status_code == 404
    assert Subject.objects.filter(pk=subject.pk).exists()


# Opening from a referral ---------------------------------------------------------------------


@ON_3_JUNE_2024
def test_the_referral_page_offers_to_open_an_investigation_when_decided_independent(
    client_as, caseworker, referral
):
    url = reverse("cases:referral-detail", args=[referral.reference])
    content = client_as(caseworker).get(url).content.decode()
    assert "Open an investigation" in content
    local = DecidedReferralFactory(mode="local")
    content = (
        client_as(caseworker)
        .get(reverse("cases:referral-detail", args=[local.reference]))
        .content.decode()
    )
    assert "Open an investigation" not in content


@ON_3_JUNE_2024
def test_caseworker_opens_an_investigation_with_a_person(client_as, caseworker, referral):
    ThemeFactory(code="mental_health", name="Mental health")
    client = client_as(caseworker)
    response = client.post(
        reverse("investigations:investigation-open", args=[referral.reference]),
        open_post(caseworker),
        follow=True,
    )
    investigation = Investigation.objects.get()
    assert investigation.reference == "INV-2024-000001"
    assert response.redirect_chain[-1][0] == reverse(
        "investigations:investigation-detail", args=[investigation.reference]
    )
    content = response.content.decode()
    assert "Investigation INV-2024-000001 opened." in content
    assert "8 November 2024" in content  # 6 months on
    assert "8 May 2025" in content  # 12 months on
    assert "20 April 2025" in content  # the first statutory notice
    assert "Police constable Alex Smith (PC 1234)" in content
    assert investigation.subjects.get().organisation == referral.organisation
    assert [t.code for t in investigation.themes.all()] == ["mental_health"]
    # The referral now links to its investigation instead of offering to open one.
    content = client.get(reverse("cases:referral-detail", args=[referral.reference])).content
    assert b"Investigation INV-2024-000001" in content
    assert b"Open an investigation" not in content


@ON_3_JUNE_2024
@pytest.mark.parametrize("mode", ["local", "no_investigation"])
def test_a_local_or_no_investigation_referral_cannot_open_one(client_as, caseworker, mode):
    referral = DecidedReferralFactory(mode=mode, received_on=D(2024, 5, 1))
    client = client_as(caseworker)
    url = reverse("investigations:investigation-open", args=[referral.reference])
    content = client.get(url).content.decode()
    assert (
        "only a referral decided as independent or directed can open an investigation" in content
    )
    assert "Open investigation</button>" not in content
    response = client.post(url, open_post(caseworker))
    assert response.status_code == 200
    assert "only a referral decided as independent or directed" in response.content.decode()
    assert not Investigation.objects.exists()


@ON_3_JUNE_2024
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (date_fields("started_on", D(2024, 6, 4)), "The start date cannot be in the future."),
        (
            date_fields("started_on", D(2024, 5, 6)),
            "The investigation cannot start before the decision to investigate (7 May 2024).",
        ),
        (
            {"started_on_0": "31", "started_on_1": "2", "started_on_2": "2024"},
            "must be a real date",
        ),
        ({"lead_investigator": ""}, "Choose the lead investigator"),
        ({"lead_investigator": "lee"}, "Choose a lead investigator from the list"),
        ({"themes": ["astrology"]}, "Select a valid choice"),
        ({"subjects-0-name": ""}, "Enter the person&#x27;s name"),
        ({"subjects-0-organisation": "home-office"}, "Choose a force from the list"),
    ],
)
def test_bad_input_shows_errors_and_saves_nothing(
    client_as, caseworker, liaison, referral, overrides, message
):
    response = client_as(caseworker).post(
        reverse("investigations:investigation-open", args=[referral.reference]),
        open_post(caseworker, **overrides),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert content.count(message) >= 2  # in the summary and next to the field
    assert not Investigation.objects.exists()
    assert not Subject.objects.exists()


# Status, people and outcomes -----------------------------------------------------------------


@ON_3_JUNE_2024
def test_completing_needs_an_outcome_for_every_person_then_succeeds(client_as, caseworker):
    investigation = UnderInvestigationFactory(started_on=D(2024, 1, 8))
    person = SubjectFactory(investigation=investigation, name="Alex Smith", rank="PC")
    client = client_as(caseworker)
    status_url = reverse("investigations:investigation-status", args=[investigation.reference])
    complete = {"status": "completed", **date_fields("changed_on", D(2024, 6, 3))}
    response = client.post(status_url, {**complete, "version": investigation.version})
    content = response.content.decode()
    assert "missing for PC Alex Smith (" in content
    investigation.refresh_from_db()
    assert investigation.status == "under_investigation"

    person_url = reverse("investigations:subject-edit", args=[investigation.reference, person.pk])
    response = client.post(
        person_url,
        {
            "name": "Alex Smith",
            "rank": "PC",
            "collar_number": person.collar_number,
            "organisation": person.organisation.code,
            "referred_to_cps": "yes",
            "charging_decision": "pending",
            "disciplinary_result": "",
            "barred_list": "no",
            "version": investigation.version,
            **management("allegations", 1),
            "allegations-0-description": "Used excessive force during arrest",
            "allegations-0-investigator_opinion": "misconduct",
            "allegations-0-force_determination": "",
        },
    )
    assert response.status_code == 302
    investigation.refresh_from_db()
    response = client.post(status_url, {**complete, "version": investigation.version}, follow=True)
    content = response.content.decode()
    assert f"Investigation {investigation.reference} completed." in content
    investigation.refresh_from_db()
    assert investigation.completed_on == D(2024, 6, 3)
    assert "Case to answer for misconduct" in content
    assert "Referred: decision pending" in content


@ON_3_JUNE_2024
def test_a_status_change_dated_before_the_last_is_refused_on_the_date_field(client_as, caseworker):
    investigation = UnderInvestigationFactory(started_on=D(2024, 5, 7))
    response = client_as(caseworker).post(
        reverse("investigations:investigation-status", args=[investigation.reference]),
        {
            "status": "report_drafting",
            **date_fields("changed_on", D(2024, 5, 10)),
            "version": investigation.version,
        },
    )
    content = response.content.decode()
    assert content.count("dates cannot go backwards") == 2
    assert 'href="#id_changed_on_0"' in content


@ON_3_JUNE_2024
def test_pausing_shows_the_reason_and_the_clock_keeps_running(client_as, caseworker):
    investigation = PausedInvestigationFactory(started_on=D(2023, 12, 8))
    content = (
        client_as(caseworker)
        .get(reverse("investigations:investigation-detail", args=[investigation.reference]))
        .content.decode()
    )
    assert "Paused: awaiting criminal proceedings" in content
    assert "The 6- and 12-month clocks keep running." in content
    assert "Running: 5 days left" in content  # 8 June 2024 is the 6-month mark


def test_a_stale_edit_is_refused_with_a_message(client_as, caseworker, manager):
    investigation = InvestigationFactory(is_major=False)
    url = reverse("investigations:investigation-edit", args=[investigation.reference])
    form = {
        "mode": "independent",
        **date_fields("started_on", investigation.started_on),
        "lead_investigator": investigation.lead_investigator.username,
        "is_major": "yes",
        "version": investigation.version,
        **management("subjects", 0),
    }
    with ON_3_JUNE_2024:
        assert client_as(caseworker).post(url, form).status_code == 302
        response = client_as(manager).post(url, {**form, "is_major": "no"})
    assert "Someone else changed this record" in response.content.decode()
    investigation.refresh_from_db()
    assert investigation.is_major is True


@ON_3_JUNE_2024
def test_edit_page_adds_renames_and_removes_people_in_one_save(client_as, caseworker):
    investigation = InvestigationFactory()
    keep = SubjectFactory(investigation=investigation, name="Keep")
    drop = SubjectFactory(investigation=investigation, name="Drop")
    AllegationFactory(subject=keep, investigator_opinion="misconduct")
    data = {
        "mode": "directed",
        **date_fields("started_on", investigation.started_on),
        "lead_investigator": investigation.lead_investigator.username,
        "is_major": "no",
        "version": investigation.version,
        **management("subjects", 3, initial=2),
        "subjects-0-id": keep.pk,
        "subjects-0-name": "Keep Renamed",
        "subjects-0-organisation": keep.organisation.code,
        "subjects-1-id": drop.pk,
        "subjects-1-name": "Drop",
        "subjects-1-organisation": drop.organisation.code,
        "subjects-1-DELETE": "on",
        "subjects-2-name": "New Person",
    }
    response = client_as(caseworker).post(
        reverse("investigations:investigation-edit", args=[investigation.reference]), data
    )
    assert response.status_code == 302
    investigation.refresh_from_db()
    assert investigation.mode == "directed"
    assert sorted(investigation.subjects.values_list("name", flat=True)) == [
        "Keep Renamed",
        "New Person",
    ]
    assert keep.allegations.get().investigator_opinion == "misconduct"  # outcomes untouched


@time_machine.travel(dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC), tick=False)
def test_recording_a_statutory_notice(client_as, caseworker):
    investigation = InvestigationFactory(started_on=D(2024, 5, 20))  # aware 30 April 2024
    client = client_as(caseworker)
    detail = reverse("investigations:investigation-detail", args=[investigation.reference])
    assert "Needed now" in client.get(detail).content.decode()
    response = client.post(
        reverse("investigations:investigation-notice", args=[investigation.reference]),
        {
            "due_on": "2025-04-30",
            "action": "given",
            **date_fields("actioned_on", D(2025, 5, 1)),
            # What a notice given must say (reg. 13(4)).
            "progress": "Statements taken.",
            **date_fields("estimated_completion_on", D(2025, 9, 30)),
            "delay_reasons": "Awaiting expert evidence.",
            "planned_steps": "Interview the officers.",
            "version": investigation.version,
        },
        follow=True,
    )
    content = response.content.decode()
    assert "Statutory notice recorded." in content
    assert "Notice given" in content
    investigation.refresh_from_db()
    assert investigation.next_notice_due_on == D(2025, 10, 30)


# Detail, list and ageing ---------------------------------------------------------------------


def test_detail_shows_the_timeline_history_and_logs_the_view(client_as, caseworker):
    investigation = CompletedInvestigationFactory(started_on=D(2024, 8, 31))
    content = (
        client_as(caseworker)
        .get(reverse("investigations:investigation-detail", args=[investigation.reference]))
        .content.decode()
    )
    log = ViewLog.objects.get()
    assert (log.user, log.reference) == (caseworker, investigation.reference)
    assert "28 February 2025" in content  # 6 months after 31 August 2024
    assert content.count(">Met<") == 2
    assert "Investigation started" in content
    assert "Investigation completed" in content
    assert f"Referral {investigation.referral.reference} received" in content
    assert "Investigation recorded" in content  # the audit history


@time_machine.travel(dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC), tick=False)
def test_list_filters_and_sorts_by_age(client_as, caseworker, herts, met):
    taser = ThemeFactory(code="use_of_taser", name="Use of Taser")
    young = InvestigationFactory(
        started_on=D(2025, 1, 2), referral__organisation=herts, lead_investigator=caseworker
    )
    at_risk = UnderInvestigationFactory(
        started_on=D(2024, 5, 20), referral__organisation=met, themes=[taser]
    )
    old = PausedInvestigationFactory(started_on=D(2024, 1, 5), referral__organisation=herts)
    major = MajorInvestigationFactory(started_on=D(2024, 11, 1), referral__organisation=met)
    done = CompletedInvestigationFactory(started_on=D(2024, 1, 5), referral__organisation=herts)
    everything = (young, at_risk, old, major, done)
    client = client_as(caseworker)
    url = reverse("investigations:investigation-list")

    def refs(**params):
        content = client.get(url, params).content.decode()
        return {i.reference for i in everything if i.reference in content}

    assert refs() == {i.reference for i in everything}
    assert refs(status="paused") == {old.reference}
    assert refs(open="false") == {done.reference}
    assert refs(theme="use_of_taser") == {at_risk.reference}
    assert refs(organisation="metropolitan-police-service") == {at_risk.reference, major.reference}
    assert refs(lead=caseworker.username) == {young.reference}
    assert refs(mine="true") == {young.reference}
    assert refs(scope="major") == {major.reference}
    assert refs(scope="core", open="true") == {young.reference, at_risk.reference, old.reference}
    assert refs(age_band="0_6") == {young.reference, major.reference}
    assert refs(age_band="6_12") == {at_risk.reference}
    assert refs(age_band="over_12") == {old.reference}
    assert refs(at_risk="true") == {at_risk.reference}
    assert refs(notice_needed="true") == {at_risk.reference, old.reference}
    assert refs(financial_year="2024-25") == {done.reference}
    assert refs(mode="directed") == set()
    content = client.get(url, {"open": "true", "ordering": "started_on"}).content.decode()
    positions = [content.index(i.reference) for i in (old, at_risk, major, young)]
    assert positions == sorted(positions)  # oldest first
    assert "At risk: 19 days to 12 months" in content
    assert (
        "is not a financial year" in client.get(url, {"financial_year": "2024"}).content.decode()
    )


@time_machine.travel(dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC), tick=False)
def test_ageing_page_shows_bands_at_risk_and_notices_for_mine_and_everyone(client_as, caseworker):
    mine = InvestigationFactory(started_on=D(2024, 5, 20), lead_investigator=caseworker)
    theirs = InvestigationFactory(started_on=D(2024, 5, 25))
    MajorInvestigationFactory(started_on=D(2023, 5, 25))
    content = client_as(caseworker).get(reverse("investigations:investigation-ageing")).content
    content = content.decode()
    assert "Your cases (1)" in content
    assert "Everyone's cases (2)" in content
    assert content.count(f">{mine.reference}</a>") == 3  # mine and everyone's at risk, notice
    assert content.count(f">{theirs.reference}</a>") == 1  # its notice is not due until 5 May
    assert "Major (not counted above)" in content
    assert "Statutory notices needed now (2)" in content


def test_csv_export_has_the_filtered_rows(client_as, caseworker, herts, met):
    mine = CompletedInvestigationFactory(referral__organisation=herts, started_on=D(2024, 8, 31))
    InvestigationFactory(referral__organisation=met)
    response = client_as(caseworker).get(
        reverse("investigations:investigation-export"),
        {"organisation": "hertfordshire-constabulary"},
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Reference,Referral,Force,Mode")
    assert len(lines) == 2
    assert lines[1].startswith(mine.reference)
    assert ",2025-02-28," in lines[1]  # six months on


@time_machine.travel(dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC), tick=False)
@pytest.mark.parametrize(
    "url",
    [
        reverse("investigations:investigation-list"),
        reverse("investigations:investigation-list") + "?at_risk=true&theme=mental_health",
        reverse("investigations:investigation-ageing"),
    ],
)
def test_list_pages_query_count_does_not_grow_with_rows(
    client_as, caseworker, url, django_assert_max_num_queries, django_assert_num_queries
):
    theme = ThemeFactory(code="mental_health")
    client = client_as(caseworker)

    def add(count):
        """Open ones at risk (mine and others'), major ones and completed ones."""
        InvestigationFactory.create_batch(
            count, started_on=D(2024, 5, 20), themes=[theme], lead_investigator=caseworker
        )
        InvestigationFactory.create_batch(count, started_on=D(2024, 5, 20), themes=[theme])
        MajorInvestigationFactory.create_batch(count, started_on=D(2024, 5, 25), themes=[theme])
        CompletedInvestigationFactory.create_batch(count)

    add(1)
    with django_assert_max_num_queries(14) as small:
        assert client.get(url).status_code == 200
    add(6)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200


def test_detail_lists_the_recommendations_made_from_the_investigation(client_as, caseworker):
    """Issue 12 item 8: a recommendation's source links to its record, and the record's page
    lists the recommendations made from it (drafts too: only staff see the page)."""
    investigation = InvestigationFactory()
    client = client_as(caseworker)
    url = reverse("investigations:investigation-detail", args=[investigation.reference])
    content = client.get(url).content.decode()
    assert "No learning recommendations have been made from this investigation." in content
    issued = IssuedRecommendationFactory(source_reference=investigation.reference)
    draft = RecommendationFactory(source_reference=investigation.reference)
    elsewhere = IssuedRecommendationFactory()
    content = client.get(url).content.decode()
    section = content.split('id="recommendations"')[1].split("</table>")[0]
    for recommendation, status in [(issued, "Issued (awaiting response)"), (draft, "Draft")]:
        assert f'href="/recommendations/{recommendation.reference}/"' in section
        assert status in section
    assert "1 May 2024" in section
    assert "Not yet issued" in section
    assert elsewhere.reference not in content


def test_detail_query_count_does_not_grow_with_people(
    client_as, caseworker, django_assert_max_num_queries, django_assert_num_queries
):
    client = client_as(caseworker)
    investigation = InvestigationFactory()
    url = reverse("investigations:investigation-detail", args=[investigation.reference])
    # A request leaves pghistory's context on the test's one transaction, so rows made after
    # it carry a user: make both data sizes after one request, alike.
    client.get(url)
    AllegationFactory(subject=SubjectFactory(investigation=investigation))
    IssuedRecommendationFactory(source_reference=investigation.reference)
    complainant = PartyFactory(investigation=investigation)
    ContactFactory(investigation=investigation, party=complainant)
    # 16, its recommendations, its notes, its parties and contacts (read, the reads logged,
    # and the people the history names).
    with django_assert_max_num_queries(23) as small:
        assert client.get(url).status_code == 200
    for _ in range(5):
        person = SubjectFactory(investigation=investigation)
        AllegationFactory.create_batch(3, subject=person)
        IssuedRecommendationFactory(source_reference=investigation.reference)
        complainant = PartyFactory(investigation=investigation)
        RepresentativeFactory(investigation=investigation, acting_for=complainant)
        ContactFactory(investigation=investigation, party=complainant)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200


def test_service_errors_on_unknown_fields_appear_above_the_form(caseworker):
    from django.core.exceptions import ValidationError

    from cases.investigations.forms import InvestigationForm
    from oversight.core.forms import add_service_errors

    form = InvestigationForm({})
    form.is_valid()
    add_service_errors(form, ValidationError({"referral": messages.REFERRAL_UNDECIDED}))
    assert messages.REFERRAL_UNDECIDED in form.non_field_errors()


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("inv-2024-0000", {"first", "second"}),  # part of a reference, any case
        ("REF-2024-777", {"first"}),  # the referral's reference
        ("ambrose", {"second"}),  # part of a name
        ("pc 4242", {"first"}),  # a collar number, whole
        ("4242", set()),  # not part of one
        ("nobody", set()),
    ],
)
def test_the_list_searches_references_names_and_collar_numbers(client_as, caseworker, term, found):
    first = InvestigationFactory(reference="INV-2024-000001")
    first.referral.reference = "REF-2024-777001"
    first.referral.save()
    second = InvestigationFactory(reference="INV-2024-000002")
    SubjectFactory(investigation=first, name="Jo Smith", collar_number="PC 4242")
    SubjectFactory(investigation=second, name="Sam Ambrose")
    SubjectFactory(investigation=second, name="Sam Ambrose-Hill")  # two matches, listed once
    InvestigationFactory(reference="INV-2023-000003")
    content = (
        client_as(caseworker)
        .get(reverse("investigations:investigation-list"), {"q": term})
        .content.decode()
    )
    listed = {
        name
        for name, inv in {"first": first, "second": second}.items()
        if inv.reference in content
    }
    assert listed == found
    assert "INV-2023-000003" not in content
    if found:
        count = len(found)
        assert f"{count} investigation{'s' if count > 1 else ''}" in content
