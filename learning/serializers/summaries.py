"""The list's items: a summary of each recommendation built from the plain rows of
learning.selectors.recommendation_summaries. The responses, their planned actions and the
extensions are on the recommendation itself (GET …/<reference>/). A page of 50 is the
busiest read of the API (every force's systems poll it), so its items are plain dicts
rather than 50 serializer instances; a test holds them equal to the detail's fields."""

from django.utils import timezone

from learning import rules

DETAIL_ONLY_FIELDS = (
    "planned_actions",
    "responses",
    "extensions",
    "implementation_evidence",
    "judicial_review_started_on",
    "judicial_review_ended_on",
)


def _timestamp(value) -> str:
    """As DRF's DateTimeField writes it (ISO 8601 in the current time zone, UTC as Z), at a
    fraction of the cost for a page of rows."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def recommendation_summary(row: dict, *, today, staff: bool) -> dict:
    """One list item, in the order and format of the detail serializers' fields."""

    def day(value):
        return value.isoformat() if value is not None else None

    item = {
        "reference": row["reference"],
        "recipient": row["recipient_code"],
        "recipient_name": row["recipient_name"] or "",
        "source": row["source_reference"] or rules.THEMATIC,
        "kind": row["kind"],
        "theme": row["theme_name"] or row["theme_text"],
        "theme_code": row["theme_code"],
        "type": row["type"],
        "text": row["text"],
        "is_statutory": row["is_statutory"],
        "status": row["status"],
        "issued_on": day(row["issued_on"]),
        "response_due_on": day(row["response_due_on"]),
        "is_overdue": rules.is_overdue(
            status=row["status"],
            is_statutory=row["is_statutory"],
            responded_on=row["responded_on"],
            due_on=row["response_due_on"],
            today=today,
            judicial_review_pending=rules.judicial_review_pending(
                row["judicial_review_started_on"], row["judicial_review_ended_on"]
            ),
        ),
        "can_respond": rules.can_respond(row["status"], row["current_response_final"]),
        "responded_on": day(row["responded_on"]),
        "response": row["response"],
        "response_final": row["current_response_final"],
        "implemented_on": day(row["implemented_on"]),
        "updated_at": _timestamp(row["updated_at"]),
    }
    if staff:
        item |= {
            "source_kind": row["source_kind"],
            "source_reference": row["source_reference"],
            "owner": row["owner_username"],
            "version": row["version"],
            "created_at": _timestamp(row["created_at"]),
        }
    return item
