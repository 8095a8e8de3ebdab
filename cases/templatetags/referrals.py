"""Template helpers that show referral rules; the rules live in cases.referrals.rules."""

from django import template
from django.utils.html import format_html

from cases.referrals import rules

TAG = '<strong class="govuk-tag govuk-tag--{}">{}</strong>'

register = template.Library()


@register.simple_tag
def decision_tag(referral, today):
    """A coloured tag: target met or missed once decided; overdue or due while awaiting."""
    met = rules.decided_within_target(referral.decided_on, referral.decision_due_on)
    if met is True:
        return format_html(TAG, "green", "Within target")
    if met is False:
        return format_html(TAG, "red", "Target missed")
    if rules.is_decision_overdue(referral.decided_on, referral.decision_due_on, today):
        return format_html(TAG, "red", "Overdue")
    return format_html(TAG, "blue", "Awaiting decision")
