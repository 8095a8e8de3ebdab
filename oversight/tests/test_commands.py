import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from knox.models import AuthToken
from rest_framework.test import APIClient

from oversight.core.models import Organisation, Role, User

pytestmark = pytest.mark.django_db
PASSWORD = "Long-enough-password-42"


def test_all_forces_and_national_bodies_are_loaded():
    forces = Organisation.objects.filter(kind=Organisation.Kind.TERRITORIAL_FORCE)
    assert forces.count() == 43
    codes = set(Organisation.objects.values_list("code", flat=True))
    assert {
        "metropolitan-police-service",
        "hertfordshire-constabulary",
        "british-transport-police",
        "college-of-policing",
        "national-police-chiefs-council",
        "home-office",
    } <= codes


def test_the_local_policing_bodies_are_loaded_one_for_each_territorial_force():
    """PRSRA 2011 s. 101: a PCC, MOPAC, the Common Council, or the body holding PCC functions
    (police, fire and crime commissioners; combined-authority mayors)."""
    bodies = Organisation.objects.local_policing_bodies()
    assert bodies.count() == 43
    assert not any(body.is_force for body in bodies)
    assert all(body.is_local_policing_body for body in bodies)
    forces = Organisation.objects.filter(kind=Organisation.Kind.TERRITORIAL_FORCE)
    linked = {force.name: force.local_policing_body.name for force in forces}
    assert len(set(linked.values())) == 43
    assert (
        linked["Hertfordshire Constabulary"] == "Police and Crime Commissioner for Hertfordshire"
    )
    assert linked["Metropolitan Police Service"] == "Mayor's Office for Policing and Crime"
    assert linked["City of London Police"] == "Common Council of the City of London"
    assert linked["Greater Manchester Police"] == "Mayor of Greater Manchester"
    assert linked["Essex Police"] == "Police, Fire and Crime Commissioner for Essex"
    assert linked["North Yorkshire Police"] == "Mayor of York and North Yorkshire"
    codes = set(bodies.values_list("code", flat=True))
    assert {
        "police-and-crime-commissioner-for-hertfordshire",
        "mayors-office-for-policing-and-crime",
        "police-fire-and-crime-commissioner-for-essex",
    } <= codes
    british_transport = Organisation.objects.get(code="british-transport-police")
    assert british_transport.local_policing_body is None


def test_local_policing_bodies_are_not_offered_as_forces():
    from oversight.core.api_fields import force_field
    from oversight.core.filters import force_filter
    from oversight.core.forms import ForceChoiceField

    forces = set(Organisation.objects.forces().values_list("code", flat=True))
    assert len(forces) == 44  # 43 territorial forces and British Transport Police
    for queryset in (
        ForceChoiceField().queryset,
        force_field().get_queryset(),
        force_filter().queryset,
    ):
        assert set(queryset.values_list("code", flat=True)) == forces


def test_create_user_with_a_role(monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_USER_PASSWORD", PASSWORD)
    call_command(
        "create_user",
        "lee",
        "--role",
        "force_liaison",
        "--organisation",
        "hertfordshire-constabulary",
        "--noinput",
    )
    user = User.objects.get(username="lee")
    assert user.role == Role.FORCE_LIAISON
    assert user.organisation.code == "hertfordshire-constabulary"
    assert user.check_password(PASSWORD)
    assert not user.is_staff


def test_create_admin_gets_the_django_admin(monkeypatch):
    monkeypatch.setenv("DJANGO_USER_PASSWORD", PASSWORD)
    call_command("create_user", "ada", "--role", "admin", "--noinput")
    assert User.objects.get(username="ada").is_superuser


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "force_liaison"], "needs --organisation"),
        (
            ["--role", "force_liaison", "--organisation", "atlantis"],
            "No organisation has the code",
        ),
    ],
)
def test_create_user_refuses_bad_input(monkeypatch, args, message):
    monkeypatch.setenv("DJANGO_USER_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match=message):
        call_command("create_user", "x", *args, "--noinput")
    assert not User.objects.filter(username="x").exists()


def test_create_user_needs_a_password_in_the_environment(monkeypatch):
    monkeypatch.delenv("DJANGO_USER_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DJANGO_USER_PASSWORD"):
        call_command("create_user", "x", "--role", "caseworker", "--noinput")


def test_create_user_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("DJANGO_USER_PASSWORD", "123")
    with pytest.raises(CommandError, match="too short"):
        call_command("create_user", "x", "--role", "caseworker", "--noinput")


def test_create_api_token_prints_only_a_working_token(caseworker, capsys):
    call_command("create_api_token", caseworker.username)
    token = capsys.readouterr().out.strip()
    assert "\n" not in token
    assert " " not in token
    assert AuthToken.objects.filter(user=caseworker).count() == 1
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/referrals/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token wrong")
    assert client.get("/api/v1/referrals/").status_code == 401


def test_create_api_token_for_an_unknown_user():
    with pytest.raises(CommandError, match="No active user"):
        call_command("create_api_token", "nobody")
