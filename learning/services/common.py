"""What every write does: lock the row (checking the version read), and record who changed it."""

import datetime as dt

from learning.models import Recommendation
from oversight.core.errors import ConflictError
from oversight.core.models import User


def day(value: dt.date) -> str:
    """A date as messages write it: 3 June 2024."""
    return f"{value:%-d %B %Y}"


def lock(recommendation: Recommendation, version: int | None) -> Recommendation:
    """Lock the row for a transition; ConflictError if it changed since the caller read it."""
    locked = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("recipient")
        .get(pk=recommendation.pk)
    )
    if version is not None and locked.version != version:
        raise ConflictError()
    return locked


def touch(recommendation: Recommendation, actor: User) -> None:
    """Save, attributed to the actor, with a new version."""
    recommendation.updated_by = actor
    recommendation.version += 1
    recommendation.save()
