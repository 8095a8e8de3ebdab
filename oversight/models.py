"""The oversight app's models, as Django finds them: the ground's (organisations, users, view
log, case notes ...) and the figures' (snapshots, runs, targets). Code imports them from where
they live, oversight.core.models, oversight.core.notes.models and
oversight.performance.models."""

from oversight.core.casework.models import Contact, Party  # noqa: F401
from oversight.core.models import (  # noqa: F401
    STAFF_ROLES,
    APIToken,
    AuditedModel,
    NonWorkingDay,
    Organisation,
    ReferenceCounter,
    Role,
    User,
    ViewLog,
)
from oversight.core.notes.models import CaseNote  # noqa: F401
from oversight.core.refusals.models import RefusedRequest  # noqa: F401
from oversight.core.signin.models import AuthenticatorDevice  # noqa: F401
from oversight.performance.models import Target, TimelinessRun, TimelinessSnapshot  # noqa: F401
