"""Fixtures for the learning app's tests, beside the root ones (herts, met, users, today)."""

import pytest
from django.core.cache import cache

from appeals.tests.factories import AppealFactory, ApplicationFactory
from cases.tests.factories import InvestigationFactory
from oversight.tests.factories import LiaisonFactory, OrganisationFactory
from oversight.tests.helpers import token_client


@pytest.fixture(autouse=True)
def _clear_throttle_history():
    """Throttle counts live in the cache; every test starts with a full allowance."""
    cache.clear()
    yield
    cache.clear()


# The investigations and applications these tests name as sources: a recommendation's
# source must be a record of the system (learning.selectors.source_record_get).
SOURCE_INVESTIGATIONS = ["INV-2022-000001", "INV-2022-000045", "INV-2022-000123"]
SOURCE_APPEALS = ["APP-2019-000045", "APP-2022-000001"]
SOURCE_REVIEWS = ["REV-2022-000067", "REV-2022-000123"]


@pytest.fixture(autouse=True)
def _source_records(request):
    """Database tests get the source records their recommendations name."""
    if request.node.get_closest_marker("django_db") is None:
        return
    for reference in SOURCE_INVESTIGATIONS:
        InvestigationFactory(reference=reference)
    for reference in SOURCE_APPEALS:
        AppealFactory(reference=reference)
    for reference in SOURCE_REVIEWS:
        ApplicationFactory(reference=reference)


@pytest.fixture
def college(db):
    return OrganisationFactory(name="College of Policing", kind="national_body")


@pytest.fixture
def met_liaison(db, met):
    return LiaisonFactory(username="mo", organisation=met)


@pytest.fixture
def api_as():
    """An API client authenticated with a fresh knox token of the user."""
    return token_client
