"""Every write to applications: record, edit, forward, judge validity, and decide.

The functions are re-exported here; the modules split them by topic (details.py: details and
forwarding; decisions.py: validity and the decision; workflow.py: several steps at once),
and the error messages are in messages.py.
"""

from appeals.services.decisions import application_decide, application_judge
from appeals.services.details import application_forward, application_update
from appeals.services.workflow import application_create, application_revise

__all__ = [
    "application_create",
    "application_decide",
    "application_forward",
    "application_judge",
    "application_revise",
    "application_update",
]
