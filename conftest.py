"""Fixtures shared by every app's tests."""

import datetime as dt

import pytest

from oversight.tests.factories import (
    AdminFactory,
    CaseworkerFactory,
    LiaisonFactory,
    ManagerFactory,
    OrganisationFactory,
)


@pytest.fixture
def today():
    return dt.date(2024, 6, 3)


@pytest.fixture
def herts(db):
    return OrganisationFactory(name="Hertfordshire Constabulary")


@pytest.fixture
def met(db):
    return OrganisationFactory(name="Metropolitan Police Service")


@pytest.fixture
def caseworker(db):
    return CaseworkerFactory(username="casey")


@pytest.fixture
def manager(db):
    return ManagerFactory(username="morgan")


@pytest.fixture
def admin_user(db):
    return AdminFactory(username="ada")


@pytest.fixture
def liaison(db, herts):
    return LiaisonFactory(username="lee", organisation=herts)


@pytest.fixture
def users(caseworker, manager, admin_user, liaison):
    return {"caseworker": caseworker, "manager": manager, "admin": admin_user, "force_liaison": liaison}
