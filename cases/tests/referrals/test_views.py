import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from cases.models import Referral
from cases.tests.factories import DecidedReferralFactory, ReferralFactory
from oversight.core.models import ViewLog
from oversight.tests.helpers import date_fields, pagination_link

D = dt.date
pytestmark = pytest.mark.django_db


def valid_post(**overrides):
    data = {
        "organisation": "hertfordshire-constabulary",
        "matter_type": "dsi",
        "referral_type": "mandatory",
        "categories": ["death_or_serious_injury"],
        "summary": "Man found unresponsive in a cell.",
        **date_fields("received_on", D(2024, 6, 3)),
    }
    data.update(overrides)
    return data


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("cases:referral-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["caseworker", "manager", "admin"])
def test_staff_see_the_referral_pages(client_as, users, role):
    referral = ReferralFactory()
    client = client_as(users[role])
    for url in [
        reverse("cases:referral-list"),
        reverse("cases:referral-create"),
        reverse("cases:referral-detail", args=[referral.reference]),
        reverse("cases:referral-edit", args=[referral.reference]),
        reverse("cases:referral-decide", args=[referral.reference]),
        reverse("cases:referral-export"),
    ]:
        assert client.get(url).status_code == 200, url


def test_force_liaisons_get_404_on_every_referral_page(client_as, liaison, herts):
    referral = ReferralFactory(organisation=herts)  # even their own force's referral
    client = client_as(liaison)
    for url in [
        reverse("cases:referral-list"),
        reverse("cases:referral-create"),
        reverse("cases:referral-detail", args=[referral.reference]),
        reverse("cases:referral-edit", args=[referral.reference]),
        reverse("cases:referral-decide", args=[referral.reference]),
        reverse("cases:referral-export"),
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert referral.reference.encode() not in response.content
    assert client.post(reverse("cases:referral-create"), valid_post()).status_code == 404
    assert Referral.objects.count() == 1


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
def test_caseworker_logs_a_referral(client_as, caseworker, herts):
    response = client_as(caseworker).post(
        reverse("cases:referral-create"), valid_post(), follow=True
    )
    referral = Referral.objects.get()
    assert referral.reference == "REF-2024-000001"
    assert referral.decision_due_on == D(2024, 6, 6)
    assert response.redirect_chain[-1][0] == reverse(
        "cases:referral-detail", args=[referral.reference]
    )
    assert b"Referral REF-2024-000001 logged." in response.content
    assert b"6 June 2024" in response.content


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (date_fields("received_on", D(2024, 6, 4)), "The date received cannot be in the future."),
        (
            {"received_on_0": "31", "received_on_1": "2", "received_on_2": "2024"},
            "The date received must be a real date",
        ),
        (
            {"received_on_0": "", "received_on_1": "", "received_on_2": ""},
            "Enter the date received",
        ),
        ({"organisation": "no-such-force"}, "Choose a force from the list"),
        ({"organisation": "college-of-policing"}, "Choose a force from the list"),
        ({"categories": []}, "Select at least one category for a mandatory referral."),
        ({"summary": ""}, "Enter a summary of the matter"),
        (
            {"matter_type": "other"},
            "Select a valid choice. other is not one of the available choices.",
        ),
    ],
)
def test_bad_referral_input_shows_errors_and_saves_nothing(
    client_as, caseworker, herts, overrides, message
):
    response = client_as(caseworker).post(
        reverse("cases:referral-create"), valid_post(**overrides)
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content  # the error summary
    assert content.count(message) == 2  # in the summary and next to the field
    assert "govuk-form-group--error" in content
    assert not Referral.objects.exists()


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
def test_caseworker_records_the_decision(client_as, caseworker):
    referral = ReferralFactory(received_on=D(2024, 5, 29))
    url = reverse("cases:referral-decide", args=[referral.reference])
    client = client_as(caseworker)
    response = client.post(
        url,
        {
            "mode": "independent",
            **date_fields("decided_on", D(2024, 5, 31)),
            "why_not_local": "Too serious for the force alone.",
            "version": referral.version,
        },
        follow=True,
    )
    assert b"Decision recorded" in response.content
    assert b"Within target" in response.content
    referral.refresh_from_db()
    assert (referral.mode, referral.decided_on) == ("independent", D(2024, 5, 31))


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
def test_decision_without_a_mode_or_before_receipt_is_refused(client_as, caseworker):
    referral = ReferralFactory(received_on=D(2024, 5, 29))
    client = client_as(caseworker)
    url = reverse("cases:referral-decide", args=[referral.reference])
    response = client.post(url, {**date_fields("decided_on", D(2024, 5, 31)), "version": 1})
    assert "Select the mode of investigation" in response.content.decode()
    response = client.post(
        url, {"mode": "directed", **date_fields("decided_on", D(2024, 5, 28)), "version": 1}
    )
    assert (
        "The decision cannot be dated before the referral was received."
        in response.content.decode()
    )
    referral.refresh_from_db()
    assert referral.decided_on is None


def test_a_stale_edit_is_refused_with_a_message(client_as, caseworker, herts):
    referral = ReferralFactory(organisation=herts)
    client = client_as(caseworker)
    url = reverse("cases:referral-edit", args=[referral.reference])
    form = valid_post(
        summary="Mine", version=referral.version, **date_fields("received_on", D(2024, 5, 1))
    )
    assert client.post(url, form).status_code == 302
    response = client.post(url, {**form, "summary": "Theirs"})
    assert "Someone else changed this record" in response.content.decode()
    referral.refresh_from_db()
    assert referral.summary == "Mine"


@time_machine.travel(dt.datetime(2024, 6, 10, 12, tzinfo=dt.UTC), tick=False)
def test_list_filters_search_and_shows_overdue(client_as, caseworker, herts, met):
    overdue = ReferralFactory(organisation=herts, received_on=D(2024, 6, 3))  # due 6 June
    decided = DecidedReferralFactory(organisation=met, received_on=D(2024, 6, 3))
    old = ReferralFactory(organisation=herts, received_on=D(2024, 3, 28))
    client = client_as(caseworker)
    url = reverse("cases:referral-list")

    def refs(**params):
        content = client.get(url, params).content.decode()
        return {r.reference for r in (overdue, decided, old) if r.reference in content}

    assert refs() == {overdue.reference, decided.reference, old.reference}
    assert refs(overdue="true") == {overdue.reference, old.reference}
    assert refs(organisation="metropolitan-police-service") == {decided.reference}
    assert refs(status="decided") == {decided.reference}
    assert refs(financial_year="2024-25") == {overdue.reference, decided.reference}
    assert refs(financial_year="2023-24") == {old.reference}
    assert refs(q=decided.reference) == {decided.reference}
    content = client.get(url).content.decode()
    assert "Overdue" in content
    assert "Within target" in content
    bad = client.get(url, {"financial_year": "2024"}).content.decode()
    assert "is not a financial year" in bad


def test_list_sorts_by_received_date(client_as, caseworker):
    first = ReferralFactory(received_on=D(2024, 1, 5))
    second = ReferralFactory(received_on=D(2024, 2, 5))
    client = client_as(caseworker)
    content = client.get(
        reverse("cases:referral-list"), {"ordering": "received_on"}
    ).content.decode()
    assert content.index(first.reference) < content.index(second.reference)
    content = client.get(
        reverse("cases:referral-list"), {"ordering": "-received_on"}
    ).content.decode()
    assert content.index(second.reference) < content.index(first.reference)


def test_list_paginates(client_as, caseworker):
    ReferralFactory.create_batch(30)
    client = client_as(caseworker)
    content = client.get(reverse("cases:referral-list")).content.decode()
    assert "30 referrals, showing 1 to 25" in content
    next_page = reverse("cases:referral-list") + pagination_link(content, "next")
    assert "showing 26 to 30" in client.get(next_page).content.decode()


def test_csv_export_has_the_filtered_rows(client_as, caseworker, herts, met):
    mine = ReferralFactory(organisation=herts)
    ReferralFactory(organisation=met)
    response = client_as(caseworker).get(
        reverse("cases:referral-export"), {"organisation": "hertfordshire-constabulary"}
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Reference,Force,Date received")
    assert len(lines) == 2
    assert lines[1].startswith(mine.reference)


def test_detail_shows_history_and_logs_the_view(client_as, caseworker):
    referral = DecidedReferralFactory()
    content = (
        client_as(caseworker)
        .get(reverse("cases:referral-detail", args=[referral.reference]))
        .content.decode()
    )
    log = ViewLog.objects.get()
    assert (log.user, log.reference, log.via_api) == (caseworker, referral.reference, False)
    assert "History" in content
    assert "Referral recorded" in content
    assert "Determination recorded" in content


def test_list_page_query_count_does_not_grow_with_rows(
    client_as, caseworker, herts, met, django_assert_max_num_queries, django_assert_num_queries
):
    client = client_as(caseworker)
    url = reverse("cases:referral-list")
    ReferralFactory.create_batch(3, organisation=herts)
    with django_assert_max_num_queries(8) as small:
        assert client.get(url).status_code == 200
    ReferralFactory.create_batch(20, organisation=met)
    DecidedReferralFactory.create_batch(10, organisation=herts)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
@pytest.mark.parametrize(
    ("aware", "offered", "refused"),
    [
        (D(2020, 1, 20), ["supervised", "managed"], ["directed"]),
        (D(2024, 5, 20), ["directed"], ["supervised", "managed"]),
    ],
)
def test_decision_form_offers_only_the_modes_of_the_referrals_regime(
    client_as, caseworker, aware, offered, refused
):
    referral = ReferralFactory(received_on=D(2024, 5, 29), first_aware_on=aware)
    page = client_as(caseworker).get(reverse("cases:referral-decide", args=[referral.reference]))
    html = page.content.decode()
    for mode in ["independent", "local", "no_investigation", *offered]:
        assert f'value="{mode}"' in html
    for mode in refused:
        assert f'value="{mode}"' not in html


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
def test_detail_page_shows_the_regime_and_the_statutory_order(client_as, caseworker):
    referral = ReferralFactory(received_on=D(2024, 5, 29))
    client = client_as(caseworker)
    client.post(
        reverse("cases:referral-decide", args=[referral.reference]),
        {
            "mode": "directed",
            **date_fields("decided_on", D(2024, 5, 31)),
            "why_not_local": "Too serious for the force alone.",
            "version": referral.version,
        },
    )
    referral.refresh_from_db()
    assert referral.decided_on is None  # why directed rather than independent is missing
    response = client.post(
        reverse("cases:referral-decide", args=[referral.reference]),
        {
            "mode": "directed",
            **date_fields("decided_on", D(2024, 5, 31)),
            "why_not_local": "Too serious for the force alone.",
            "why_not_independent": "The force has the specialist skills.",
            "version": referral.version,
        },
        follow=True,
    )
    html = response.content.decode()
    assert "The 2020 reforms" in html
    assert "Too serious for the force alone." in html
    assert "The force has the specialist skills." in html
    assert "not appropriate" in html


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
def test_voluntary_dsi_referral_is_refused_on_the_form(client_as, caseworker):
    response = client_as(caseworker).post(
        reverse("cases:referral-create"), valid_post(referral_type="voluntary")
    )
    assert "paragraph 14C" in response.content.decode()
    assert not Referral.objects.exists()
