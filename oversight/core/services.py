"""Writes of core data: users, API tokens, the view log, reference numbers, and who owns a
case record (the same service for every kind of record).

A reference number comes from a counter row incremented with a single INSERT ... ON CONFLICT
DO UPDATE, which PostgreSQL serialises per (prefix, year): two transactions saving at the same
moment get different numbers, and the second waits only until the first commits.
"""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from knox.models import AuthToken

from oversight.core import ownership
from oversight.core.models import CaseRecord, Organisation, ReferenceCounter, Role, User, ViewLog
from oversight.core.references import format_reference
from oversight.core.writes import attributed, lock_for_update, save_new_version

LIAISON_NEEDS_ORGANISATION = "A force liaison needs --organisation (an organisation code)."
UNKNOWN_ORGANISATION = "No organisation has the code “{code}”."
USERNAME_TAKEN = "A user called “{username}” already exists."

_NEXT_NUMBER_SQL = f"""
    INSERT INTO {ReferenceCounter._meta.db_table} (prefix, year, last)
    VALUES (%s, %s, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = {ReferenceCounter._meta.db_table}.last + 1
    RETURNING last
"""


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


def api_token_revoke(*, token: AuthToken) -> None:
    """Revoke an API token at once: it is deleted, so the next request with it is a 401; the
    revocation is in the audit history (APIToken's trigger)."""
    token.delete()


def view_log_record(
    *,
    user: User,
    record,
    via_api: bool = False,
    record_type: str | None = None,
    kind: str = ViewLog.Kind.RECORD,
) -> None:
    """Log that a person consulted a case record (DPA 2018 s.62): one row, who and when.
    `record_type` names what of the record was read when it is not the record itself (its
    parties, say); `kind` says where (its page, an edit form, the admin)."""
    ViewLog.objects.create(
        user=user,
        record_type=record_type or record._meta.label,
        reference=getattr(record, "reference", str(record.pk)),
        via_api=via_api,
        kind=kind,
    )


def view_log_list(
    *, user: User, model, query: str, row_count: int, kind: str, via_api: bool = False
) -> None:
    """Log a bulk read of case records (a list page, an API list page, an export): one row,
    whatever the number of records, with who, when, the filter and how many rows were read."""
    ViewLog.objects.create(
        user=user,
        record_type=model._meta.label,
        via_api=via_api,
        kind=kind,
        query=query[:2000],
        row_count=row_count,
    )


def reference_allocate(*, prefix: str, year: int) -> str:
    """Allocate the next reference for a prefix and year; call inside the saving transaction."""
    with connection.cursor() as cursor:
        cursor.execute(_NEXT_NUMBER_SQL, [prefix, year])
        (number,) = cursor.fetchone()
    return format_reference(prefix, year, number)


def record_assign(
    *, actor: User, record: CaseRecord, owner: User | None, version: int | None
) -> CaseRecord:
    """Give the case to `owner` (None: unallocated) as the ownership rule allows: a manager
    reassigns any case; anyone else on the staff only takes an unallocated one. The row is
    locked and the version checked; the change is attributed and so in the record's history.
    Returns the record as saved."""
    with attributed(actor):
        locked = lock_for_update(record, version=version)
        return _record_assign_locked(locked, actor=actor, owner=owner)


def record_take(*, actor: User, record: CaseRecord, version: int | None) -> CaseRecord:
    """Assign to me: the actor takes the case, if it is unallocated (a manager: any case)."""
    return record_assign(actor=actor, record=record, owner=actor, version=version)


def _record_assign_locked(record: CaseRecord, *, actor: User, owner: User | None) -> CaseRecord:
    """The owner change on a record already locked in the caller's transaction."""
    if owner is not None and not owner.is_casework_staff:
        raise ValidationError({"owner": ownership.OWNER_NOT_STAFF})
    refusal = ownership.owner_change_refusal(
        actor_id=actor.pk,
        actor_is_manager=actor.is_manager,
        current_owner_id=record.owner_id,
        new_owner_id=owner.pk if owner is not None else None,
    )
    if refusal:
        current = record.owner.display_name if record.owner_id else ownership.UNALLOCATED
        raise ValidationError({"owner": refusal.format(reference=record.reference, owner=current)})
    if record.owner_id == (owner.pk if owner is not None else None):
        return record
    record.owner = owner
    return save_new_version(record, actor=actor)
