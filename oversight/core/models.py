"""The ground's models: organisations, users and roles, extra non-working days, reference
counters, the audited base of case records and the log of who viewed them."""

import pghistory
from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from knox.models import AuthToken


def staff_user_field(
    verbose_name: str | None = None, *, related_name: str = "+", optional: bool = False
) -> models.ForeignKey:
    """The user who did something to a record; protected, so a user with history stays."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name=related_name,
        null=optional,
        blank=optional,
        verbose_name=verbose_name,
    )


def owner_field(*, related_name: str) -> models.ForeignKey:
    """Who on the casework staff has the case, or None while it is unallocated; protected, so
    a user who owns cases stays until they are reassigned. Indexed: lists filter by it."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name=related_name,
        null=True,
        blank=True,
        verbose_name="owner",
        help_text="The member of the casework staff who has the case; empty when unallocated.",
    )


class OrganisationQuerySet(models.QuerySet):
    def forces(self):
        """Territorial and special police forces (not national or local policing bodies)."""
        return self.filter(kind__in=Organisation.FORCE_KINDS)

    def local_policing_bodies(self):
        """Police and crime commissioners and the bodies holding their functions."""
        return self.filter(kind=Organisation.Kind.LOCAL_POLICING_BODY)

    def policing_bodies(self):
        """Police forces and local policing bodies: those a complainant may apply to first."""
        return self.filter(
            kind__in=(*Organisation.FORCE_KINDS, Organisation.Kind.LOCAL_POLICING_BODY)
        )


@pghistory.track()
class Organisation(models.Model):
    """A police force, a national body that recommendations can be addressed to, or a local
    policing body (a police and crime commissioner or the body holding its functions:
    Police Reform and Social Responsibility Act 2011 s. 101), which reviews some complaints
    and to which applications are forwarded."""

    class Kind(models.TextChoices):
        TERRITORIAL_FORCE = "territorial_force", "Territorial police force"
        SPECIAL_FORCE = "special_force", "Special police force"
        NATIONAL_BODY = "national_body", "National body"
        LOCAL_POLICING_BODY = "local_policing_body", "Local policing body"

    FORCE_KINDS = (Kind.TERRITORIAL_FORCE, Kind.SPECIAL_FORCE)

    code = models.SlugField(max_length=80, unique=True, help_text="Slug of the official name.")
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Approximate officer strength; used to give forces demo volumes in proportion.
    officer_strength = models.PositiveIntegerField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    # For a territorial force: the local policing body of its police area.
    local_policing_body = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "local_policing_body"},
        help_text="For a territorial force, the local policing body of its police area.",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_force(self) -> bool:
        return self.kind in self.FORCE_KINDS

    @property
    def is_local_policing_body(self) -> bool:
        return self.kind == self.Kind.LOCAL_POLICING_BODY


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "Caseworker"
    MANAGER = "manager", "Manager"
    FORCE_LIAISON = "force_liaison", "Force liaison"
    ADMIN = "admin", "Administrator"


STAFF_ROLES = frozenset({Role.CASEWORKER, Role.MANAGER, Role.ADMIN})


# Who may do what, in the audit history: a user's role, organisation, whether active, and
# their name and email address (triggers, so the admin's and the commands' writes are caught
# too); a password change as an event of its own that stores only whose password it was,
# never the hash.
USER_TRACKED_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "organisation",
    "is_active",
    "is_staff",
    "is_superuser",
]


@pghistory.track(
    pghistory.InsertEvent(),
    pghistory.UpdateEvent(),
    fields=USER_TRACKED_FIELDS,
    model_name="UserEvent",
)
@pghistory.track(
    pghistory.UpdateEvent("password_change", condition=pghistory.AnyChange("password")),
    fields=["username"],
    model_name="UserPasswordEvent",
)
class User(AbstractUser):
    """A person who signs in. A force liaison belongs to exactly one organisation."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CASEWORKER)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )

    objects = UserManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="liaison_has_organisation",
                condition=~Q(role="force_liaison") | Q(organisation__isnull=False),
                violation_error_message="A force liaison must belong to an organisation.",
            ),
        ]

    @property
    def is_casework_staff(self) -> bool:
        """Caseworkers, managers and admins see all casework; liaisons see only their own."""
        return self.is_active and self.role in STAFF_ROLES

    @property
    def is_manager(self) -> bool:
        return self.is_active and self.role in {Role.MANAGER, Role.ADMIN}

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


@pghistory.track(
    pghistory.InsertEvent("token_create"),
    pghistory.DeleteEvent("token_revoke"),
    fields=["user", "created", "expiry"],
    obj_field=None,  # the token's key is its digest: the history must not hold it
    model_name="APITokenEvent",
)
class APIToken(AuthToken):
    """knox's API token, as a proxy so that its creation and revocation (a delete) are in
    this app's audit history: whose, when created, when it expires; never the key or its
    digest."""

    class Meta:
        proxy = True
        verbose_name = "API token"


@pghistory.track()
class NonWorkingDay(models.Model):
    """A closure on a weekday that is not a bank holiday (set by admins)."""

    date = models.DateField(unique=True)
    description = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.description}"


class ReferenceCounter(models.Model):
    """The last number given out for a reference prefix and year (see references.py)."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_counter")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class AuditedModel(models.Model):
    """Who created and last changed a row, and when. History itself is kept by pghistory."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        abstract = True


class VersionedModel(AuditedModel):
    """A case record: audited, with a version that every write moves on, so that a save made
    from a stale read is refused rather than silently overwriting (optimistic locking; see
    oversight.core.writes)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class CaseRecord(VersionedModel):
    """A versioned record known by its reference (REF-2024-000123), which names it in pages,
    URLs and the API. `detail_url_name` is the URL name of its page."""

    reference = models.CharField(max_length=20, unique=True, editable=False)

    detail_url_name: str

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse(self.detail_url_name, kwargs={"reference": self.reference})

    def step_url(self, step: str) -> str:
        """The page of a step on the record: <noun>-<step> beside its <noun>-detail."""
        name = f"{self.detail_url_name.removesuffix('-detail')}-{step}"
        return reverse(name, kwargs={"reference": self.reference})


class StaffOnlyQuerySet(models.QuerySet):
    """Rows only casework staff may see: all of them for staff, none for anyone else (a force
    liaison or the public reaches these records neither in lists nor by reference)."""

    def for_user(self, user):
        if user.is_authenticated and user.is_casework_staff:
            return self
        return self.none()


class ViewLog(models.Model):
    """Who looked at which case record, or at which list of them, and when (DPA 2018 s.62
    logging of consultation). A bulk read (a list page, an API list page, a CSV export) is
    one row naming the kind of record, the filter (the query string) and how many rows were
    read; a read of one record names its reference."""

    class Kind(models.TextChoices):
        RECORD = "record", "Record"
        FORM = "form", "Edit form"
        LIST = "list", "List"
        EXPORT = "export", "Export"
        ADMIN = "admin", "Admin page"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    record_type = models.CharField(max_length=40)
    reference = models.CharField(max_length=30, blank=True)
    viewed_at = models.DateTimeField(auto_now_add=True)
    via_api = models.BooleanField(default=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.RECORD)
    query = models.TextField(blank=True, help_text="The filter of a list or export read.")
    row_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many rows a list or export read gave."
    )

    class Meta:
        indexes = [models.Index(fields=["reference", "viewed_at"], name="viewlog_reference_idx")]

    def __str__(self) -> str:
        what = self.reference or f"{self.row_count} {self.record_type}"
        return f"{self.user_id} viewed {what} at {self.viewed_at:%Y-%m-%d %H:%M}"
