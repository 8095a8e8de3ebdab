"""What every recommendation write shares: its row locked with the recipient and theme it
reads."""

from learning.models import Recommendation
from oversight.core.writes import lock_for_update


def lock(recommendation: Recommendation, version: int | None) -> Recommendation:
    """Lock the row for a transition; ConflictError if it changed since the caller read it."""
    return lock_for_update(
        recommendation,
        version=version,
        queryset=Recommendation.objects.select_related("recipient", "theme"),
    )
