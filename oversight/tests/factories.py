from functools import cache

import factory
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from oversight.core.models import Organisation, Role, User

TEST_PASSWORD = "Correct-Horse-Battery-9"


@cache
def test_password_hash() -> str:
    """Hashing is slow by design: hash the shared test password once per run."""
    return make_password(TEST_PASSWORD)


class OrganisationFactory(DjangoModelFactory):
    """Real organisations by code (they are loaded by a migration); made if a test flushed them."""

    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    name = "Hertfordshire Constabulary"
    code = factory.LazyAttribute(lambda o: slugify(o.name.replace("'", "")))
    kind = Organisation.Kind.TERRITORIAL_FORCE


class LocalPolicingBodyFactory(OrganisationFactory):
    """A police and crime commissioner (loaded by a migration; made if a test flushed it)."""

    name = "Police and Crime Commissioner for Hertfordshire"
    kind = Organisation.Kind.LOCAL_POLICING_BODY


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    role = Role.CASEWORKER
    password = factory.LazyFunction(test_password_hash)


class CaseworkerFactory(UserFactory):
    role = Role.CASEWORKER


class ManagerFactory(UserFactory):
    role = Role.MANAGER


class AdminFactory(UserFactory):
    role = Role.ADMIN
    is_staff = True
    is_superuser = True


class LiaisonFactory(UserFactory):
    role = Role.FORCE_LIAISON
    organisation = factory.SubFactory(OrganisationFactory)
