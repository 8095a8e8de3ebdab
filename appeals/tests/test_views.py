import datetime as dt

import pytest
import time_machine
from django.urls import NoReverseMatch, reverse

from appeals import services
from appeals.models import Application
from appeals.services import messages
from appeals.tests.factories import (
    AppealFactory,
    ApplicationFactory,
    DecidedApplicationFactory,
    ForwardedApplicationFactory,
    InvalidApplicationFactory,
    LateApplicationFactory,
    UpheldApplicationFactory,
    ValidApplicationFactory,
)
from learning.tests.factories import IssuedRecommendationFactory
from oversight.core.models import ViewLog
from oversight.core.notes.services import note_add
from oversight.tests.core.casework.factories import (
    ContactFactory,
    PartyFactory,
    RepresentativeFactory,
)
from oversight.tests.helpers import date_fields, pagination_link

D = dt.date
pytestmark = pytest.mark.django_db
ON_3_JUNE_2024 = time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)


def valid_post(**overrides):
    data = {
        "organisation": "hertfordshire-constabulary",
        "force_reference": "CO/123/24",
        "applicant": "complainant",
        "subject": "investigation_outcome",
        "criteria": ["referred_or_should_have_been"],
        "summary": "The force did not speak to my witness.",
        **date_fields("complaint_made_on", D(2024, 1, 15)),
        **date_fields("outcome_notified_on", D(2024, 5, 10)),
        **date_fields("received_on", D(2024, 5, 20)),
    }
    data.update(overrides)
    return data


def page_urls(application):
    ref = application.reference
    return [
        reverse("appeals:application-list"),
        reverse("appeals:application-create"),
        reverse("appeals:application-export"),
        reverse("appeals:application-detail", args=[ref]),
        reverse("appeals:application-edit", args=[ref]),
        reverse("appeals:application-forward", args=[ref]),
        reverse("appeals:application-judge", args=[ref]),
        reverse("appeals:application-decide", args=[ref]),
    ]


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("appeals:application-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_see_every_application_page(client_as, users, role):
    application = ApplicationFactory()
    client = client_as(users[role])
    for url in page_urls(application):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("own_force", [True, False])
def test_force_liaisons_get_404_on_every_application_page(
    client_as, liaison, herts, met, own_force
):
    application = ApplicationFactory(organisation=herts if own_force else met)
    client = client_as(liaison)
    for url in page_urls(application):
        response = client.get(url)
        assert response.status_code == 404, url
        assert application.reference.encode() not in response.content
    for url in page_urls(application)[1:]:
        if "export" in url:
            continue
        assert client.post(url, valid_post()).status_code == 404, url
    assert Application.objects.count() == 1
    application.refresh_from_db()
    assert application.version == 1


def test_the_navigation_links_to_appeals_and_reviews(client_as, caseworker, liaison):
    content = client_as(caseworker).get(reverse("home"), follow=True).content.decode()
    assert f'href="{reverse("appeals:application-list")}"' in content
    content = client_as(liaison).get(reverse("home")).content.decode()
    assert reverse("appeals:application-list") not in content


@ON_3_JUNE_2024
def test_caseworker_records_an_application(client_as, caseworker, herts):
    response = client_as(caseworker).post(
        reverse("appeals:application-create"), valid_post(), follow=True
    )
    application = Application.objects.get()
    assert application.reference == "REV-2024-000001"
    assert (application.kind, application.review_body) == ("review", "oversight_body")
    assert application.referred_or_should_have_been is True
    assert application.about_senior_officer is False
    assert response.redirect_chain[-1][0] == reverse(
        "appeals:application-detail", args=[application.reference]
    )
    content = response.content.decode()
    assert "Application REV-2024-000001 recorded." in content
    assert "7 June 2024" in content  # the last day to apply
    assert "In time" in content


@ON_3_JUNE_2024
def test_a_late_application_is_flagged_when_recorded(client_as, caseworker, herts):
    post = valid_post(**date_fields("outcome_notified_on", D(2024, 4, 1)))
    content = (
        client_as(caseworker)
        .post(reverse("appeals:application-create"), post, follow=True)
        .content.decode()
    )
    assert "It was made late." in content
    assert "Late" in content


@ON_3_JUNE_2024
def test_a_complaint_before_february_2020_makes_an_appeal(client_as, caseworker, herts):
    post = valid_post(**date_fields("complaint_made_on", D(2020, 1, 31)))
    client_as(caseworker).post(reverse("appeals:application-create"), post)
    assert Application.objects.get().reference == "APP-2024-000001"


@ON_3_JUNE_2024
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            date_fields("received_on", D(2024, 5, 9)),
            messages.RECEIVED_BEFORE_NOTIFIED,
        ),
        (
            date_fields("complaint_made_on", D(2024, 5, 11)),
            messages.NOTIFIED_BEFORE_COMPLAINT,
        ),
        (date_fields("received_on", D(2024, 6, 4)), messages.RECEIVED_IN_FUTURE),
        ({"subject": "non_recording"}, messages.NON_RECORDING_NOT_REVIEWABLE),
        (
            {"received_on_0": "31", "received_on_1": "2", "received_on_2": "2024"},
            "The date the application was received must be a real date",
        ),
        (
            {"complaint_made_on_0": "", "complaint_made_on_1": "", "complaint_made_on_2": ""},
            "Enter the date the complaint was made",
        ),
        ({"organisation": "college-of-policing"}, "Choose a force from the list"),
        ({"applicant": ""}, "Select who applied"),
        ({"subject": ""}, "Select what the application is about"),
    ],
)
def test_bad_input_shows_errors_and_saves_nothing(
    client_as, caseworker, herts, overrides, message
):
    response = client_as(caseworker).post(
        reverse("appeals:application-create"), valid_post(**overrides)
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert content.count(message) == 2  # in the summary and next to the field
    assert "govuk-form-group--error" in content
    assert not Application.objects.exists()


@ON_3_JUNE_2024
def test_caseworker_judges_valid_then_decides_a_review(client_as, caseworker):
    application = ApplicationFactory()
    client = client_as(caseworker)
    response = client.post(
        reverse("appeals:application-judge", args=[application.reference]),
        {"is_valid": "true", **date_fields("judged_on", D(2024, 5, 21)), "version": 1},
        follow=True,
    )
    assert f"Validity recorded for {application.reference}." in response.content.decode()
    decide_url = reverse("appeals:application-decide", args=[application.reference])
    form = client.get(decide_url).content.decode()
    assert "Was the outcome reasonable and proportionate?" in form
    response = client.post(
        decide_url,
        {
            "result": "upheld",
            "follow_up": ["reinvestigation"],
            **date_fields("decided_on", D(2024, 6, 3)),
            "version": 2,
        },
        follow=True,
    )
    content = response.content.decode()
    assert f"Decision recorded for {application.reference}." in content
    assert "Not reasonable and proportionate (upheld)" in content
    assert "Re-investigation" in content
    application.refresh_from_db()
    assert (application.status, application.result, application.decided_by) == (
        "decided",
        "upheld",
        caseworker,
    )


@ON_3_JUNE_2024
def test_an_appeal_is_upheld_or_not(client_as, caseworker):
    application = ValidApplicationFactory(complaint_made_on=D(2019, 6, 1))
    form = (
        client_as(caseworker)
        .get(reverse("appeals:application-decide", args=[application.reference]))
        .content.decode()
    )
    assert "Is the appeal upheld?" in form
    assert "reasonable and proportionate" not in form


@ON_3_JUNE_2024
def test_a_late_application_accepted_only_with_special_circumstances(client_as, caseworker):
    application = LateApplicationFactory()
    client = client_as(caseworker)
    url = reverse("appeals:application-judge", args=[application.reference])
    form = client.get(url).content.decode()
    assert "Made late" in form
    post = {"is_valid": "true", **date_fields("judged_on", D(2024, 6, 3)), "version": 1}
    content = client.post(url, post).content.decode()
    assert content.count(messages.LATE_NEEDS_SPECIAL_CIRCUMSTANCES) == 2
    application.refresh_from_db()
    assert application.is_valid is None
    client.post(url, {**post, "special_circumstances": "In hospital."})
    application.refresh_from_db()
    assert (application.is_valid, application.special_circumstances) == (True, "In hospital.")


@ON_3_JUNE_2024
def test_judging_invalid_needs_a_reason(client_as, caseworker):
    application = ApplicationFactory()
    client = client_as(caseworker)
    url = reverse("appeals:application-judge", args=[application.reference])
    post = {"is_valid": "false", **date_fields("judged_on", D(2024, 6, 3)), "version": 1}
    assert messages.INVALID_REASON_REQUIRED in client.post(url, post).content.decode()
    client.post(url, {**post, "invalid_reason": "missing_information"})
    application.refresh_from_db()
    assert (application.status, application.invalid_reason) == ("invalid", "missing_information")


@ON_3_JUNE_2024
@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (InvalidApplicationFactory, messages.DECIDE_INVALID),
        (ApplicationFactory, messages.NOT_JUDGED),
        (DecidedApplicationFactory, "it is decided only once"),
    ],
)
def test_deciding_an_invalid_undecided_or_decided_application_is_refused(
    client_as, caseworker, factory, message
):
    application = factory()
    before = (application.status, application.result, application.version)
    response = client_as(caseworker).post(
        reverse("appeals:application-decide", args=[application.reference]),
        {
            "result": "upheld",
            "follow_up": ["reinvestigation"],
            **date_fields("decided_on", D(2024, 6, 3)),
            "version": application.version,
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert message in content
    application.refresh_from_db()
    assert (application.status, application.result, application.version) == before


@ON_3_JUNE_2024
def test_forwarding_an_application_for_the_local_policing_body(client_as, caseworker, herts_pcc):
    application = ApplicationFactory(referred_or_should_have_been=False)
    client = client_as(caseworker)
    detail = client.get(reverse("appeals:application-detail", args=[application.reference]))
    assert "Record as forwarded" in detail.content.decode()
    assert "Judge validity" not in detail.content.decode()
    url = reverse("appeals:application-forward", args=[application.reference])
    form = client.get(url).content.decode()
    # A select of local policing bodies, the force's own chosen; no force is offered.
    assert '<select name="forwarded_to"' in form
    assert (
        '<option value="police-and-crime-commissioner-for-hertfordshire" selected>'
        "Police and Crime Commissioner for Hertfordshire</option>"
    ) in form
    assert 'value="hertfordshire-constabulary"' not in form
    refused = client.post(
        url,
        {
            "forwarded_to": "hertfordshire-constabulary",
            **date_fields("forwarded_on", D(2024, 5, 22)),
            "version": 1,
        },
    )
    assert "Choose the local policing body from the list" in refused.content.decode()
    response = client.post(
        url,
        {
            "forwarded_to": "police-and-crime-commissioner-for-hertfordshire",
            **date_fields("forwarded_on", D(2024, 5, 22)),
            "version": 1,
        },
        follow=True,
    )
    content = response.content.decode()
    assert "recorded as forwarded" in content
    assert "To Police and Crime Commissioner for Hertfordshire on 22 May 2024" in content


def test_an_appeal_for_the_chief_officer_is_forwarded_to_the_force(client_as, caseworker, herts):
    application = AppealFactory(organisation=herts, referred_or_should_have_been=False)
    client = client_as(caseworker)
    url = reverse("appeals:application-forward", args=[application.reference])
    form = client.get(url).content.decode()
    assert '<option value="hertfordshire-constabulary" selected>' in form
    client.post(
        url,
        {
            "forwarded_to": "hertfordshire-constabulary",
            **date_fields("forwarded_on", D(2020, 3, 20)),
            "version": 1,
        },
    )
    application.refresh_from_db()
    assert (application.status, application.forwarded_to) == ("forwarded", herts)


@ON_3_JUNE_2024
def test_caseworker_records_an_application_first_made_to_the_local_policing_body(
    client_as, caseworker, herts, herts_pcc
):
    """Late by the date it reached us, in time by the date the PCC received it (reg. 29(3))."""
    client = client_as(caseworker)
    form = client.get(reverse("appeals:application-create")).content.decode()
    assert "First received by (optional)" in form
    assert "Date first received (optional)" in form
    post = valid_post(
        first_received_by="police-and-crime-commissioner-for-hertfordshire",
        **date_fields("outcome_notified_on", D(2024, 4, 1)),
        **date_fields("received_on", D(2024, 5, 2)),
        **date_fields("first_received_on", D(2024, 4, 29)),
    )
    response = client.post(reverse("appeals:application-create"), post, follow=True)
    content = response.content.decode()
    assert "It was made late." not in content
    assert "In time" in content
    assert "First received by" in content
    assert "Police and Crime Commissioner for Hertfordshire" in content
    assert "Date first received" in content
    assert "29 April 2024" in content
    application = Application.objects.get()
    assert (application.first_received_by, application.first_received_on) == (
        herts_pcc,
        D(2024, 4, 29),
    )
    judge = client.get(reverse("appeals:application-judge", args=[application.reference]))
    text = judge.content.decode()
    assert (
        "Made in time: first received by Police and Crime Commissioner for Hertfordshire" in text
    )
    assert "the facts recorded point to" not in text  # no out-of-time suggestion
    edit = client.get(reverse("appeals:application-edit", args=[application.reference]))
    assert (
        '<option value="police-and-crime-commissioner-for-hertfordshire" selected>'
        in edit.content.decode()
    )


@ON_3_JUNE_2024
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"first_received_on": D(2024, 5, 18)}, messages.FIRST_RECEIVED_BY_REQUIRED),
        (
            {"first_received_on": D(2024, 5, 21), "first_received_by": True},
            messages.FIRST_RECEIVED_AFTER_RECEIVED.format(date="20 May 2024"),
        ),
        ({"first_received_by": True}, messages.FIRST_RECEIVED_ON_REQUIRED),
    ],
)
def test_a_bad_first_receipt_shows_errors_and_saves_nothing(
    client_as, caseworker, herts, herts_pcc, overrides, message
):
    post = valid_post()
    if overrides.pop("first_received_by", False):
        post["first_received_by"] = herts_pcc.code
    for name, value in overrides.items():
        post.update(date_fields(name, value))
    response = client_as(caseworker).post(reverse("appeals:application-create"), post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_a_stale_edit_is_refused_with_a_message(client_as, caseworker, herts):
    application = ApplicationFactory(organisation=herts)
    client = client_as(caseworker)
    url = reverse("appeals:application-edit", args=[application.reference])
    form = valid_post(summary="Mine", version=application.version)
    assert client.post(url, form).status_code == 302
    response = client.post(url, {**form, "summary": "Theirs"})
    assert "Someone else changed this record" in response.content.decode()
    application.refresh_from_db()
    assert application.summary == "Mine"


def test_a_stale_decision_is_refused_with_a_message(client_as, caseworker):
    application = ValidApplicationFactory()
    response = client_as(caseworker).post(
        reverse("appeals:application-decide", args=[application.reference]),
        {"result": "not_upheld", **date_fields("decided_on", D(2024, 6, 1)), "version": 99},
    )
    assert "Someone else changed this record" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "valid"


def test_an_edit_that_changes_the_kind_gives_a_new_reference(client_as, caseworker, herts):
    application = ApplicationFactory(organisation=herts)
    response = client_as(caseworker).post(
        reverse("appeals:application-edit", args=[application.reference]),
        valid_post(version=1, **date_fields("complaint_made_on", D(2019, 12, 1))),
        follow=True,
    )
    application.refresh_from_db()
    assert application.reference.startswith("APP-2024-")
    assert f"It is now {application.reference}." in response.content.decode()


@time_machine.travel(dt.datetime(2024, 6, 10, 12, tzinfo=dt.UTC), tick=False)
def test_list_filters(client_as, caseworker, herts, met):
    waiting = ApplicationFactory(organisation=herts, subject="investigation_outcome")
    late = LateApplicationFactory(organisation=met)
    upheld = UpheldApplicationFactory(organisation=herts)
    decided = DecidedApplicationFactory(organisation=met, received_on=D(2024, 3, 20))
    invalid = InvalidApplicationFactory(organisation=herts)
    appeal = AppealFactory(organisation=met)
    forwarded = ForwardedApplicationFactory(organisation=herts)
    everything = [waiting, late, upheld, decided, invalid, appeal, forwarded]
    client = client_as(caseworker)
    url = reverse("appeals:application-list")

    def refs(**params):
        content = client.get(url, params).content.decode()
        return {a.reference for a in everything if a.reference in content}

    assert refs() == {a.reference for a in everything}
    assert refs(kind="appeal") == {appeal.reference}
    assert refs(is_valid="true") == {upheld.reference, decided.reference}
    assert refs(is_valid="false") == {invalid.reference}
    assert refs(is_valid="unknown") == {
        waiting.reference,
        late.reference,
        appeal.reference,
        forwarded.reference,
    }
    assert refs(result="upheld") == {upheld.reference}
    assert refs(result="not_upheld") == {decided.reference}
    assert refs(organisation="metropolitan-police-service") == {
        late.reference,
        decided.reference,
        appeal.reference,
    }
    assert refs(financial_year="2023-24") == {decided.reference}
    assert refs(financial_year="2019-20") == {appeal.reference}
    assert refs(decided_financial_year="2024-25") == {upheld.reference, decided.reference}
    assert refs(decided="true") == {upheld.reference, decided.reference}
    assert refs(made_in_time="false") == {late.reference, invalid.reference}
    assert refs(subject="investigation_outcome") == {waiting.reference, appeal.reference}
    assert refs(subject="non_investigation_handling") == {
        late.reference,
        upheld.reference,
        decided.reference,
        invalid.reference,
        forwarded.reference,
    }
    assert refs(status="forwarded") == {forwarded.reference}
    assert refs(review_body="local_policing_body") == {forwarded.reference}
    assert refs(q=upheld.reference) == {upheld.reference}
    bad = client.get(url, {"financial_year": "2024"}).content.decode()
    assert "is not a financial year" in bad


@time_machine.travel(dt.datetime(2024, 6, 10, 12, tzinfo=dt.UTC), tick=False)
def test_list_shows_reviews_in_their_own_words_and_the_ageing(client_as, caseworker):
    UpheldApplicationFactory()
    ApplicationFactory(received_on=D(2024, 6, 1))
    ApplicationFactory(received_on=D(2023, 5, 1), complaint_made_on=D(2023, 1, 1))
    content = client_as(caseworker).get(reverse("appeals:application-list")).content.decode()
    assert "Not reasonable and proportionate (upheld)" in content
    ageing = content[content.index('id="ageing"') :]
    ageing = ageing[: ageing.index("</table>")]
    assert [cell.split("<")[0] for cell in ageing.split('numeric">')[-5:]] == [
        "1",
        "0",
        "0",
        "0",
        "1",
    ]


def test_list_sorts_and_paginates(client_as, caseworker):
    first = ApplicationFactory(received_on=D(2024, 1, 25), complaint_made_on=D(2023, 12, 1))
    second = ApplicationFactory(received_on=D(2024, 2, 25), complaint_made_on=D(2023, 12, 1))
    client = client_as(caseworker)
    url = reverse("appeals:application-list")
    content = client.get(url, {"ordering": "received_on"}).content.decode()
    assert content.index(first.reference) < content.index(second.reference)
    ApplicationFactory.create_batch(28)
    content = client.get(url).content.decode()
    assert "30 applications, showing 1 to 25" in content
    next_page = url + pagination_link(content, "next")
    assert "showing 26 to 30" in client.get(next_page).content.decode()


def test_csv_export_has_the_filtered_rows(client_as, caseworker, herts, met):
    mine = UpheldApplicationFactory(organisation=herts)
    ApplicationFactory(organisation=met)
    response = client_as(caseworker).get(
        reverse("appeals:application-export"), {"organisation": "hertfordshire-constabulary"}
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Reference,Force,Force's complaint reference,Kind")
    assert len(lines) == 2
    assert lines[1].startswith(mine.reference)
    assert "Not reasonable and proportionate (upheld)" in lines[1]


def test_detail_shows_history_and_logs_the_view(client_as, caseworker):
    application = UpheldApplicationFactory()
    content = (
        client_as(caseworker)
        .get(reverse("appeals:application-detail", args=[application.reference]))
        .content.decode()
    )
    log = ViewLog.objects.get()
    assert (log.user, log.reference, log.via_api) == (caseworker, application.reference, False)
    assert "History" in content
    assert "Application recorded" in content
    assert "Not reasonable and proportionate (upheld)" in content
    assert "Record the decision" not in content


def test_an_upheld_decision_links_to_drafting_a_learning_recommendation(client_as, caseworker):
    upheld = UpheldApplicationFactory()
    not_upheld = DecidedApplicationFactory()
    client = client_as(caseworker)
    try:
        draft = reverse("learning:recommendation-create")
    except NoReverseMatch:  # the learning app has no pages yet: no link, and no error
        draft = None
    content = client.get(reverse("appeals:application-detail", args=[upheld.reference]))
    link = f"source_kind=application&amp;source_reference={upheld.reference}"
    assert (link in content.content.decode()) is (draft is not None)
    content = client.get(reverse("appeals:application-detail", args=[not_upheld.reference]))
    assert "Draft a learning recommendation" not in content.content.decode()


def test_detail_lists_the_recommendations_made_from_the_application(client_as, caseworker):
    """Issue 12 item 8: the application's page lists the recommendations made from it."""
    upheld = UpheldApplicationFactory()
    client = client_as(caseworker)
    url = reverse("appeals:application-detail", args=[upheld.reference])
    kind = upheld.get_kind_display().lower()
    content = client.get(url).content.decode()
    assert f"No learning recommendations have been made from this {kind}." in content
    made = IssuedRecommendationFactory(
        source_kind="application", source_reference=upheld.reference
    )
    elsewhere = IssuedRecommendationFactory(source_kind="application")
    content = client.get(url).content.decode()
    section = content.split('id="recommendations"')[1].split("</table>")[0]
    assert f'href="/recommendations/{made.reference}/"' in section
    assert "Issued (awaiting response)" in section
    assert elsewhere.reference not in content


def test_list_page_query_count_does_not_grow_with_rows(
    client_as, caseworker, herts, met, django_assert_max_num_queries, django_assert_num_queries
):
    client = client_as(caseworker)
    url = reverse("appeals:application-list")
    ApplicationFactory.create_batch(2, organisation=herts)
    with django_assert_max_num_queries(9) as small:
        assert client.get(url).status_code == 200
    UpheldApplicationFactory.create_batch(10, organisation=met)
    InvalidApplicationFactory.create_batch(10, organisation=herts)
    ForwardedApplicationFactory.create_batch(5, organisation=herts)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200


def test_detail_page_query_count_does_not_grow_with_history(
    client_as, caseworker, manager, django_assert_max_num_queries, django_assert_num_queries
):
    client = client_as(caseworker)
    application = ApplicationFactory()
    services.application_judge(
        actor=caseworker,
        application=application,
        is_valid=True,
        judged_on=application.received_on,
        today=application.received_on,
    )
    url = reverse("appeals:application-detail", args=[application.reference])
    made_from = {"source_kind": "application", "source_reference": application.reference}
    IssuedRecommendationFactory(**made_from)
    note_add(actor=manager, record=application, text="First note", today=D(2024, 6, 3))
    complainant = PartyFactory(application=application)
    ContactFactory(application=application, party=complainant)
    # 8, its recommendations, its notes, its parties and contacts (read, the reads logged,
    # and the people the history names).
    with django_assert_max_num_queries(15) as small:
        assert client.get(url).status_code == 200
    IssuedRecommendationFactory.create_batch(4, **made_from)
    for n in range(5):
        note_add(actor=caseworker, record=application, text=f"Note {n}", today=D(2024, 6, 3))
    for _ in range(3):
        complainant = PartyFactory(application=application)
        RepresentativeFactory(application=application, acting_for=complainant)
        ContactFactory(application=application, party=complainant)
    for n, actor in enumerate([manager, caseworker, manager, caseworker]):
        application.refresh_from_db()
        services.application_update(
            actor=actor,
            application=application,
            version=application.version,
            today=D(2024, 6, 3),
            summary=f"Edit {n}",
        )
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200
