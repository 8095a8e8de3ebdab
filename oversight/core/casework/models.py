"""The people around a case (complainants, representatives, interested persons) and every
contact with them. Personal data: each view is logged (view_log_record) and each change is
attributed and kept in the history (pghistory), as for the case itself."""

import pghistory
from django.db import models
from django.db.models import Q

from oversight.core.models import AuditedModel, VersionedModel, staff_user_field

# The kinds of case record that have parties, as (foreign key name, model label).
CASE_FIELDS = {
    "referral": "cases.Referral",
    "investigation": "cases.Investigation",
    "application": "appeals.Application",
}


def exactly_one_case() -> Q:
    """One of the case keys is set and the others are empty."""
    condition = Q()
    for name in CASE_FIELDS:
        others = {f"{other}__isnull": True for other in CASE_FIELDS if other != name}
        condition |= Q(**{f"{name}__isnull": False}, **others)
    return condition


def case_keys(*, related_name: str) -> dict:
    """The three nullable foreign keys to the case a row belongs to."""
    return {
        name: models.ForeignKey(
            label,
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name=related_name,
        )
        for name, label in CASE_FIELDS.items()
    }


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"
    PHONE = "phone", "Phone"
    IN_PERSON = "in_person", "In person"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Party(VersionedModel):
    """A person around a case: the complainant, a representative acting for another party
    (with the date they consented), or an interested person such as a bereaved family."""

    class Role(models.TextChoices):
        COMPLAINANT = "complainant", "Complainant"
        REPRESENTATIVE = "representative", "Representative"
        INTERESTED_PERSON = "interested_person", "Interested person"

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        WELSH = "cy", "Welsh"

    locals().update(case_keys(related_name="parties"))

    role = models.CharField(max_length=20, choices=Role.choices)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    preferred_language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    preferred_channel = models.CharField(max_length=20, choices=Channel.choices, blank=True)
    reasonable_adjustments = models.TextField(blank=True)
    vulnerable = models.BooleanField(default=False)
    acting_for = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name="acting for",
    )
    consent_on = models.DateField("date of consent", null=True, blank=True)
    # The first outbound outcome to them or to the person acting for them, kept by
    # services.contact_record from the contact log, so that "owed the outcome" is an index
    # look-up rather than a search of every contact (2020 Regulations reg. 34(2)(b)).
    outcome_told_on = models.DateField(
        "date told the outcome", null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name_plural = "parties"
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["investigation"],
                name="party_outcome_untold_idx",
                condition=Q(
                    investigation__isnull=False,
                    outcome_told_on__isnull=True,
                    role__in=["complainant", "interested_person"],
                ),
            )
        ]
        constraints = [
            models.CheckConstraint(name="party_of_exactly_one_case", condition=exactly_one_case()),
            models.CheckConstraint(
                name="representative_acts_with_consent",
                condition=~Q(role="representative")
                | Q(acting_for__isnull=False, consent_on__isnull=False),
            ),
            models.CheckConstraint(
                name="only_representative_acts_for",
                condition=Q(role="representative")
                | Q(acting_for__isnull=True, consent_on__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_representative(self) -> bool:
        return self.role == self.Role.REPRESENTATIVE


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Contact(AuditedModel):
    """One contact with a party of the case, inbound or outbound, dated and attributed."""

    class Direction(models.TextChoices):
        INBOUND = "inbound", "Inbound"
        OUTBOUND = "outbound", "Outbound"

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement"
        PROGRESS_UPDATE = "progress_update", "Progress update"
        OUTCOME = "outcome", "Outcome"
        OTHER = "other", "Other"

    # The party's case again, so that a case's contacts are one indexed filter and appear in
    # its history (pghistory finds the rows that point at the record).
    locals().update(case_keys(related_name="contacts"))

    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="contacts")
    on = models.DateField("date")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    summary = models.TextField(blank=True)
    recorded_by = staff_user_field("recorded by")

    class Meta:
        ordering = ["-on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="contact_of_exactly_one_case", condition=exactly_one_case()
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.get_direction_display().lower()} on {self.on}"
