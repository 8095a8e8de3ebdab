"""Every write to recommendations: draft, edit, issue, respond, extend, implement, publish.

Each write is keyword-only, checks the current state, locks the row for a transition, saves in
a transaction with the acting user in the audit context, and raises ValidationError (with the
messages of messages.py, which tests assert on) or ConflictError. The functions are
re-exported here; the modules split them by topic.
"""

from learning.services.drafting import (
    recommendation_create,
    recommendation_issue,
    recommendation_update,
)
from learning.services.follow_up import (
    recommendation_extend,
    recommendation_implement,
    recommendation_judicial_review_end,
    recommendation_judicial_review_start,
)
from learning.services.responses import (
    recommendation_respond,
    response_decide_publication,
    response_publish,
)

__all__ = [
    "recommendation_create",
    "recommendation_extend",
    "recommendation_implement",
    "recommendation_issue",
    "recommendation_judicial_review_end",
    "recommendation_judicial_review_start",
    "recommendation_respond",
    "recommendation_update",
    "response_publish",
    "response_decide_publication",
]
