"""Fixtures for the learning app's tests, beside the root ones (herts, met, users, today)."""

import pytest
from django.core.cache import cache

from oversight.tests.factories import LiaisonFactory, OrganisationFactory
from oversight.tests.helpers import token_client


@pytest.fixture(autouse=True)
def _clear_throttle_history():
    """Throttle counts live in the cache; every test starts with a full allowance."""
    cache.clear()
    yield
    cache.clear()


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
