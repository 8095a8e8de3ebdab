"""Drafting, editing and issuing recommendations."""

import datetime as dt

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction

from learning import rules
from learning.models import Recommendation, RecommendationStatus, RecommendationType, SourceKind
from learning.services.common import day, lock, touch
from oversight.core.models import Organisation, User
from oversight.core.references import next_reference

REFERENCE_PREFIX = "REC"

STATUS_ON_CREATE = "A new recommendation is either a draft or issued straight away."
SOURCE_KIND_INVALID = "Choose where the recommendation comes from."
SOURCE_REFERENCE_REQUIRED = "Enter the reference of the {kind} the recommendation comes from."
SOURCE_REFERENCE_INVALID = "Enter the {kind}'s reference in the form {example}."
THEMATIC_HAS_NO_REFERENCE = "A recommendation from thematic work has no source reference."
TYPE_INVALID = "“{value}” is not a type of recommendation."
THEME_TOO_LONG = "The theme must be 100 characters or fewer."
RECIPIENT_REQUIRED = "Choose the organisation the recommendation is for."
RECIPIENT_INACTIVE = "The recipient is no longer an active organisation."
THEME_REQUIRED = "Enter the theme of the recommendation."
TYPE_REQUIRED = "Choose the type of recommendation."
TEXT_REQUIRED = "Enter the text of the recommendation."
ISSUED_IN_FUTURE = "The date of issue cannot be in the future."
NOT_A_DRAFT = "Only a draft can be changed or issued: {reference} was issued on {issued}."

CONTENT_FIELDS = frozenset(
    {"recipient", "source_kind", "source_reference", "theme", "type", "text", "is_statutory"}
)
SOURCE_EXAMPLES = {
    SourceKind.INVESTIGATION: "INV-2024-000123",
    SourceKind.APPLICATION: "APP-2019-000123 (appeal) or REV-2024-000123 (review)",
}


def _check_content(recommendation: Recommendation) -> dict[str, str]:
    """Errors in the fields a draft may already have, complete or not."""
    errors = {}
    kind, reference = recommendation.source_kind, recommendation.source_reference
    if kind not in SourceKind.values:
        errors["source_kind"] = SOURCE_KIND_INVALID
    elif kind == SourceKind.THEMATIC and reference:
        errors["source_reference"] = THEMATIC_HAS_NO_REFERENCE
    elif kind != SourceKind.THEMATIC and not reference:
        errors["source_reference"] = SOURCE_REFERENCE_REQUIRED.format(
            kind=SourceKind(kind).label.lower()
        )
    elif not rules.source_reference_valid(kind, reference):
        errors["source_reference"] = SOURCE_REFERENCE_INVALID.format(
            kind=SourceKind(kind).label.lower(), example=SOURCE_EXAMPLES[kind]
        )
    if recommendation.type and recommendation.type not in RecommendationType.values:
        errors["type"] = TYPE_INVALID.format(value=recommendation.type)
    if len(recommendation.theme) > 100:
        errors["theme"] = THEME_TOO_LONG
    return errors


def _check_complete(recommendation: Recommendation) -> dict[str, str]:
    """What an issued recommendation must have: recipient, theme, type and text."""
    errors = {}
    if recommendation.recipient is None:
        errors["recipient"] = RECIPIENT_REQUIRED
    elif not recommendation.recipient.is_active:
        errors["recipient"] = RECIPIENT_INACTIVE
    if not recommendation.theme:
        errors["theme"] = THEME_REQUIRED
    if not recommendation.type:
        errors["type"] = TYPE_REQUIRED
    if not recommendation.text.strip():
        errors["text"] = TEXT_REQUIRED
    return errors


def _issue(recommendation: Recommendation, *, issued_on: dt.date | None, today: dt.date) -> None:
    issued_on = issued_on or today
    errors = {**_check_complete(recommendation), **_check_content(recommendation)}
    if issued_on > today:
        errors["issued_on"] = ISSUED_IN_FUTURE
    if errors:
        raise ValidationError(errors)
    recommendation.status = RecommendationStatus.ISSUED
    recommendation.issued_on = issued_on
    recommendation.response_due_on = (
        rules.response_due_on(issued_on) if recommendation.is_statutory else None
    )


def _clean_text(fields: dict) -> dict:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}


def recommendation_create(
    *,
    actor: User,
    source_kind: str,
    today: dt.date,
    source_reference: str = "",
    recipient: Organisation | None = None,
    theme: str = "",
    type: str = "",  # the field's name in the API contract
    text: str = "",
    is_statutory: bool = False,
    status: str = RecommendationStatus.DRAFT,
    issued_on: dt.date | None = None,
) -> Recommendation:
    """Draft a recommendation with a new reference; issue it at once if the status is issued."""
    if status not in (RecommendationStatus.DRAFT, RecommendationStatus.ISSUED):
        raise ValidationError({"status": STATUS_ON_CREATE})
    fields = _clean_text(
        {
            "recipient": recipient,
            "source_kind": source_kind,
            "source_reference": source_reference,
            "theme": theme,
            "type": type,
            "text": text,
            "is_statutory": is_statutory,
        }
    )
    fields["source_reference"] = fields["source_reference"].upper()
    recommendation = Recommendation(**fields, created_by=actor, updated_by=actor)
    errors = _check_content(recommendation)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), pghistory.context(user=actor.pk):
        if status == RecommendationStatus.ISSUED:
            _issue(recommendation, issued_on=issued_on, today=today)
        recommendation.reference = next_reference(
            prefix=REFERENCE_PREFIX, year=(recommendation.issued_on or today).year
        )
        recommendation.save()
    return recommendation


def recommendation_update(
    *, actor: User, recommendation: Recommendation, version: int, **fields
) -> Recommendation:
    """Edit a draft, refusing the save if someone else changed it first."""
    unknown = set(fields) - CONTENT_FIELDS
    if unknown:
        raise ValueError(f"recommendation_update cannot change {sorted(unknown)}")
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = lock(recommendation, version)
        if not locked.is_draft:
            raise ValidationError(
                NOT_A_DRAFT.format(reference=locked.reference, issued=day(locked.issued_on))
            )
        for name, value in _clean_text(fields).items():
            setattr(locked, name, value)
        locked.source_reference = locked.source_reference.upper()
        errors = _check_content(locked)
        if errors:
            raise ValidationError(errors)
        touch(locked, actor)
    return locked


def recommendation_issue(
    *,
    actor: User,
    recommendation: Recommendation,
    today: dt.date,
    issued_on: dt.date | None = None,
    version: int | None = None,
) -> Recommendation:
    """Issue a complete draft; a statutory one is due for response 55 days after issue."""
    with transaction.atomic(), pghistory.context(user=actor.pk):
        locked = lock(recommendation, version)
        if not locked.is_draft:
            raise ValidationError(
                NOT_A_DRAFT.format(reference=locked.reference, issued=day(locked.issued_on))
            )
        _issue(locked, issued_on=issued_on, today=today)
        touch(locked, actor)
    return locked
