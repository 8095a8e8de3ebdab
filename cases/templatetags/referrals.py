"""Template helpers that show referral rules; the rules live in cases.referrals.rules."""

from django import template

from cases.models import Mode
from cases.referrals import rules
from oversight.core.formatting import govuk_tag

register = template.Library()


@register.simple_tag
def decision_tag(referral, today):
    """A coloured tag: target met or missed once decided; overdue or due while awaiting."""
    met = rules.decided_within_target(referral.decided_on, referral.decision_due_on)
    if met is True:
        return govuk_tag("green", "Within target")
    if met is False:
        return govuk_tag("red", "Target missed")
    if rules.is_decision_overdue(referral.decided_on, referral.decision_due_on, today):
        return govuk_tag("red", "Overdue")
    return govuk_tag("blue", "Awaiting decision")


@register.simple_tag
def mode_label(mode):
    """A mode of investigation in plain English."""
    return Mode(mode).label
