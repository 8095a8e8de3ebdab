"""The oversight app's models, as Django finds them: the ground's (organisations, users, view
log ...) and the figures' (snapshots, runs, targets). Code imports them from where they live,
oversight.core.models and oversight.performance.models."""

from oversight.core.casework.models import Contact, Party  # noqa: F401
from oversight.core.models import (  # noqa: F401
    STAFF_ROLES,
    AuditedModel,
    NonWorkingDay,
    Organisation,
    ReferenceCounter,
    Role,
    User,
    ViewLog,
)
from oversight.performance.models import Target, TimelinessRun, TimelinessSnapshot  # noqa: F401
