"""Drafting, editing and issuing recommendations."""

import datetime as dt

from django.core.exceptions import ValidationError

from cases.models import Theme
from learning import rules, selectors
from learning.models import (
    Recommendation,
    RecommendationKind,
    RecommendationStatus,
    RecommendationType,
    SourceKind,
)
from learning.services import messages
from learning.services.common import lock
from oversight.core import references
from oversight.core.formatting import long_date
from oversight.core.models import Organisation, User
from oversight.core.services import reference_allocate
from oversight.core.validation import FieldErrors
from oversight.core.writes import attributed, save_new_version, set_fields

CONTENT_FIELDS = frozenset(
    {
        "recipient",
        "kind",
        "source_kind",
        "source_reference",
        "theme",
        "type",
        "text",
        "is_statutory",
    }
)


def _check_content(recommendation: Recommendation, *, theme_on_record: int | None) -> FieldErrors:
    """Errors in the fields a draft may already have, complete or not. `theme_on_record` is
    the id of the theme the recommendation had before this write (None for a new one)."""
    errors = FieldErrors()
    kind, reference = recommendation.source_kind, recommendation.source_reference
    if kind not in SourceKind.values:
        errors["source_kind"] = messages.SOURCE_KIND_INVALID
    elif kind == SourceKind.THEMATIC and reference:
        errors["source_reference"] = messages.THEMATIC_HAS_NO_REFERENCE
    elif kind != SourceKind.THEMATIC and not reference:
        errors["source_reference"] = messages.SOURCE_REFERENCE_REQUIRED.format(
            kind=SourceKind(kind).label.lower()
        )
    elif not rules.source_reference_valid(kind, reference):
        errors["source_reference"] = messages.SOURCE_REFERENCE_INVALID.format(
            kind=SourceKind(kind).label.lower(), example=messages.SOURCE_EXAMPLES[kind]
        )
    elif kind != SourceKind.THEMATIC and recommendation.source_record is None:
        errors["source_reference"] = messages.SOURCE_REFERENCE_UNKNOWN.format(
            kind=SourceKind(kind).label.lower(), reference=reference
        )
    if recommendation.kind not in RecommendationKind.values:
        errors["kind"] = messages.KIND_INVALID
    elif not rules.kind_fits_source(recommendation.kind, kind):
        errors.setdefault("source_kind", messages.AFTER_REVIEW_FROM_AN_APPLICATION)
    if recommendation.type and recommendation.type not in RecommendationType.values:
        errors["type"] = messages.TYPE_INVALID.format(value=recommendation.type)
    theme = recommendation.theme
    if theme is not None and not rules.theme_may_be_chosen(
        is_active=theme.is_active, already_on_record=theme.pk == theme_on_record
    ):
        errors["theme"] = messages.THEME_NOT_LISTED
    return errors


def _link_source(recommendation: Recommendation) -> None:
    """Point the recommendation at the investigation or application its reference names (the
    reference stays, as the API's `source`); neither when thematic, or when it names none
    (which _check_content then refuses)."""
    kind, reference = recommendation.source_kind, recommendation.source_reference
    record = (
        selectors.source_record_get(kind, reference)
        if kind != SourceKind.THEMATIC and rules.source_reference_valid(kind, reference)
        else None
    )
    recommendation.source_investigation = record if kind == SourceKind.INVESTIGATION else None
    recommendation.source_application = record if kind == SourceKind.APPLICATION else None


def _check_complete(recommendation: Recommendation) -> FieldErrors:
    """What an issued recommendation must have: recipient, theme, type and text."""
    errors = FieldErrors()
    if recommendation.recipient is None:
        errors["recipient"] = messages.RECIPIENT_REQUIRED
    elif not recommendation.recipient.is_active:
        errors["recipient"] = messages.RECIPIENT_INACTIVE
    # A legacy free-text theme (theme_text) still counts, as the constraint allows.
    if recommendation.theme_id is None and not recommendation.theme_text:
        errors["theme"] = messages.THEME_REQUIRED
    if not recommendation.type:
        errors["type"] = messages.TYPE_REQUIRED
    if not recommendation.text.strip():
        errors["text"] = messages.TEXT_REQUIRED
    return errors


def _recommendation_issue_locked(
    recommendation: Recommendation, *, issued_on: dt.date | None, today: dt.date
) -> None:
    issued_on = issued_on or today
    errors = FieldErrors(today)
    # Issuing changes no content: the theme it has is the one on record.
    content = _check_content(recommendation, theme_on_record=recommendation.theme_id)
    errors.update({**_check_complete(recommendation), **content})
    errors.check_date("issued_on", issued_on, messages.ISSUED_ON)
    errors.raise_if_any()
    recommendation.status = RecommendationStatus.ISSUED
    recommendation.issued_on = issued_on
    recommendation.response_due_on = (
        rules.response_due_on(issued_on, recommendation.kind)
        if recommendation.is_statutory
        else None
    )


def _refuse_unless_draft(recommendation: Recommendation) -> None:
    """Only a draft is changed or issued: an issued recommendation is what was sent."""
    if not recommendation.is_draft:
        raise ValidationError(
            messages.NOT_A_DRAFT.format(
                reference=recommendation.reference, issued=long_date(recommendation.issued_on)
            )
        )


def _clean_text(fields: dict) -> dict:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}


def _oblige_response(recommendation: Recommendation) -> None:
    """A recommendation after a review or appeal is always owed a response (paragraph 28ZA)."""
    if recommendation.kind == RecommendationKind.AFTER_REVIEW:
        recommendation.is_statutory = True


def recommendation_create(
    *,
    actor: User,
    source_kind: str,
    today: dt.date,
    source_reference: str = "",
    recipient: Organisation | None = None,
    theme: Theme | None = None,
    type: str = "",  # the field's name in the API contract
    text: str = "",
    is_statutory: bool = False,
    kind: str = rules.LEARNING,
    status: str = RecommendationStatus.DRAFT,
    issued_on: dt.date | None = None,
) -> Recommendation:
    """Draft a recommendation with a new reference; issue it at once if the status is issued."""
    if status not in (RecommendationStatus.DRAFT, RecommendationStatus.ISSUED):
        raise ValidationError({"status": messages.STATUS_ON_CREATE})
    fields = _clean_text(
        {
            "recipient": recipient,
            "source_kind": source_kind,
            "source_reference": source_reference,
            "theme": theme,
            "type": type,
            "text": text,
            "is_statutory": is_statutory,
            "kind": kind,
        }
    )
    fields["source_reference"] = fields["source_reference"].upper()
    recommendation = Recommendation(**fields, created_by=actor, updated_by=actor)
    _oblige_response(recommendation)
    _link_source(recommendation)
    errors = _check_content(recommendation, theme_on_record=None)
    errors.raise_if_any()
    with attributed(actor):
        if status == RecommendationStatus.ISSUED:
            _recommendation_issue_locked(recommendation, issued_on=issued_on, today=today)
        recommendation.reference = reference_allocate(
            prefix=references.RECOMMENDATION, year=(recommendation.issued_on or today).year
        )
        recommendation.save()
    return recommendation


def recommendation_update(
    *, actor: User, recommendation: Recommendation, version: int, **fields
) -> Recommendation:
    """Edit a draft, refusing the save if someone else changed it first."""
    with attributed(actor):
        locked = lock(recommendation, version)
        _refuse_unless_draft(locked)
        theme_on_record = locked.theme_id
        set_fields(locked, _clean_text(fields), allowed=CONTENT_FIELDS)
        locked.source_reference = locked.source_reference.upper()
        _oblige_response(locked)
        _link_source(locked)
        errors = _check_content(locked, theme_on_record=theme_on_record)
        errors.raise_if_any()
        save_new_version(locked, actor=actor)
    return locked


def recommendation_issue(
    *,
    actor: User,
    recommendation: Recommendation,
    today: dt.date,
    issued_on: dt.date | None = None,
    version: int | None = None,
) -> Recommendation:
    """Issue a complete draft; a statutory one is due for response 55 days after issue, one
    after a review or appeal 28 days after."""
    with attributed(actor):
        locked = lock(recommendation, version)
        _refuse_unless_draft(locked)
        _recommendation_issue_locked(locked, issued_on=issued_on, today=today)
        save_new_version(locked, actor=actor)
    return locked
