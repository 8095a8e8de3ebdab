"""Every bulk read of case records is logged (DPA 2018 s.62): list pages, API list pages,
CSV exports, edit forms and the admin's pages of case records, one view-log row each with
who, the filter and how many rows were read."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from appeals.tests.factories import ApplicationFactory
from cases.tests.factories import InvestigationFactory, ReferralFactory
from learning.tests.factories import IssuedRecommendationFactory, RecommendationFactory
from oversight.core.models import ViewLog

pytestmark = pytest.mark.django_db

FACTORIES = {
    "referral": ReferralFactory,
    "investigation": InvestigationFactory,
    "application": ApplicationFactory,
    "recommendation": IssuedRecommendationFactory,
}
LABELS = {
    "referral": "cases.Referral",
    "investigation": "cases.Investigation",
    "application": "appeals.Application",
    "recommendation": "learning.Recommendation",
}
NAMESPACES = {
    "referral": "cases",
    "investigation": "investigations",
    "application": "appeals",
    "recommendation": "learning",
}
API_LISTS = {
    "referral": "/api/v1/referrals/",
    "investigation": "/api/v1/investigations/",
    "application": "/api/v1/applications/",
    "recommendation": "/api/v1/recommendations/",
}


def _only_log(user) -> ViewLog:
    (row,) = ViewLog.objects.filter(user=user)
    return row


def _consume(response) -> bytes:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("noun", FACTORIES)
def test_a_list_page_read_logs_one_row_with_the_filter_and_the_rows_shown(
    client_as, manager, noun
):
    FACTORIES[noun].create_batch(3)
    response = client_as(manager).get(reverse(f"{NAMESPACES[noun]}:{noun}-list"), {"q": ""})
    assert response.status_code == 200
    row = _only_log(manager)
    assert (row.kind, row.record_type, row.query, row.row_count, row.via_api) == (
        ViewLog.Kind.LIST,
        LABELS[noun],
        "q=",
        3,
        False,
    )


@pytest.mark.parametrize("noun", FACTORIES)
def test_a_csv_export_logs_one_row_with_the_filter_and_the_rows_sent(client_as, manager, noun):
    FACTORIES[noun].create_batch(4)
    response = client_as(manager).get(reverse(f"{NAMESPACES[noun]}:{noun}-export"), {"q": ""})
    assert response.status_code == 200
    _consume(response)
    row = _only_log(manager)
    assert (row.kind, row.record_type, row.query, row.row_count) == (
        ViewLog.Kind.EXPORT,
        LABELS[noun],
        "q=",
        4,
    )


@pytest.mark.parametrize("noun", FACTORIES)
def test_an_api_list_page_logs_one_row_with_the_filter_and_the_rows_sent(manager, noun):
    FACTORIES[noun].create_batch(3)
    client = APIClient()
    client.force_authenticate(manager)
    response = client.get(API_LISTS[noun], {"page_size": 2})
    assert response.status_code == 200
    row = _only_log(manager)
    assert (row.kind, row.record_type, row.query, row.row_count, row.via_api) == (
        ViewLog.Kind.LIST,
        LABELS[noun],
        "page_size=2",
        2,
        True,
    )


def test_a_liaisons_api_list_read_is_logged_with_its_count(liaison, herts, met):
    IssuedRecommendationFactory.create_batch(2, recipient=herts)
    IssuedRecommendationFactory(recipient=met)
    client = APIClient()
    client.force_authenticate(liaison)
    assert client.get(API_LISTS["recommendation"]).status_code == 200
    assert _only_log(liaison).row_count == 2


@pytest.mark.parametrize("rows", [1, 12])
def test_logging_an_api_list_read_costs_the_same_queries_at_any_size(
    django_assert_max_num_queries, manager, rows
):
    ReferralFactory.create_batch(rows)
    client = APIClient()
    client.force_authenticate(manager)
    with django_assert_max_num_queries(12):
        assert client.get(API_LISTS["referral"]).status_code == 200
    assert ViewLog.objects.filter(user=manager).count() == 1


@pytest.mark.parametrize(
    ("noun", "factory"),
    [
        ("referral", ReferralFactory),
        ("investigation", InvestigationFactory),
        ("application", ApplicationFactory),
        ("recommendation", RecommendationFactory),  # a draft: only drafts are edited
    ],
)
def test_an_edit_form_read_is_logged_as_a_read_of_the_record(client_as, manager, noun, factory):
    record = factory()
    response = client_as(manager).get(
        reverse(f"{NAMESPACES[noun]}:{noun}-edit", args=[record.reference])
    )
    assert response.status_code == 200
    row = _only_log(manager)
    assert (row.kind, row.reference) == (ViewLog.Kind.FORM, record.reference)


ADMIN = {
    "referral": "cases_referral",
    "investigation": "cases_investigation",
    "application": "appeals_application",
    "recommendation": "learning_recommendation",
}


@pytest.mark.parametrize("noun", FACTORIES)
@pytest.mark.parametrize("admin_page", ["change", "history"])
def test_an_admin_page_of_a_case_record_is_logged(client_as, admin_user, noun, admin_page):
    record = FACTORIES[noun]()
    response = client_as(admin_user).get(
        reverse(f"admin:{ADMIN[noun]}_{admin_page}", args=[record.pk])
    )
    assert response.status_code == 200
    row = _only_log(admin_user)
    assert (row.kind, row.reference) == (ViewLog.Kind.ADMIN, record.reference)


@pytest.mark.parametrize("noun", FACTORIES)
def test_the_admin_list_of_case_records_is_logged_with_its_count(client_as, admin_user, noun):
    FACTORIES[noun].create_batch(2)
    response = client_as(admin_user).get(reverse(f"admin:{ADMIN[noun]}_changelist"))
    assert response.status_code == 200
    row = _only_log(admin_user)
    assert (row.kind, row.record_type, row.row_count) == (ViewLog.Kind.ADMIN, LABELS[noun], 2)
