"""Writes of core data: users and API tokens."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from knox.models import AuthToken

from oversight.core.models import Organisation, Role, User, ViewLog

LIAISON_NEEDS_ORGANISATION = "A force liaison needs --organisation (an organisation code)."
UNKNOWN_ORGANISATION = "No organisation has the code “{code}”."
USERNAME_TAKEN = "A user called “{username}” already exists."


def user_create(
    *,
    username: str,
    role: str,
    password: str,
    organisation_code: str | None = None,
    email: str = "",
) -> User:
    """Create a user with a role; a liaison belongs to an organisation; admins get the admin."""
    if role not in Role.values:
        raise ValidationError(
            {"role": f"Unknown role “{role}”: use one of {', '.join(Role.values)}."}
        )
    organisation = None
    if organisation_code:
        organisation = Organisation.objects.filter(code=organisation_code).first()
        if organisation is None:
            raise ValidationError(
                {"organisation": UNKNOWN_ORGANISATION.format(code=organisation_code)}
            )
    if role == Role.FORCE_LIAISON and organisation is None:
        raise ValidationError({"organisation": LIAISON_NEEDS_ORGANISATION})
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN.format(username=username)})
    user = User(username=username, email=email, role=role, organisation=organisation)
    validate_password(password, user)
    user.set_password(password)
    user.is_staff = user.is_superuser = role == Role.ADMIN
    with transaction.atomic():
        user.save()
    return user


def api_token_create(*, user: User) -> str:
    """Issue an API token; only its hash is stored, so the key is shown once."""
    _, key = AuthToken.objects.create(user=user)
    return key


def view_log_record(*, user: User, record, via_api: bool = False) -> None:
    """Log that a person consulted a case record (DPA 2018 s.62): one row, who and when."""
    ViewLog.objects.create(
        user=user,
        record_type=record._meta.label,
        reference=getattr(record, "reference", str(record.pk)),
        via_api=via_api,
    )
