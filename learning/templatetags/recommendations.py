"""Template helpers that show recommendation rules; the rules themselves live in learning.rules."""

from django import template

from learning import rules
from oversight.core.formatting import govuk_tag

STATUS_COLOURS = {
    rules.DRAFT: "grey",
    rules.ISSUED: "blue",
    rules.ACCEPTED: "green",
    rules.PARTIALLY_ACCEPTED: "yellow",
    rules.NOT_ACCEPTED: "orange",
    rules.IMPLEMENTED: "turquoise",
}

register = template.Library()


@register.simple_tag
def status_tag(recommendation, today):
    """A coloured tag for the status; an unanswered statutory one past its due date is Overdue."""
    if recommendation.is_overdue(today):
        return govuk_tag("red", "Response overdue")
    label = recommendation.get_status_display()
    if recommendation.status == rules.ISSUED:
        label = "Awaiting response"
    return govuk_tag(STATUS_COLOURS.get(recommendation.status, "grey"), label)


@register.simple_tag
def due_in_words(recommendation, today):
    """How long is left to respond, in plain words."""
    if recommendation.responded_on or recommendation.response_due_on is None:
        return ""
    days = rules.days_until_due(recommendation.response_due_on, today)
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    return f"{days} day{'s' if days != 1 else ''} left"


@register.simple_tag
def publication_overdue(response, today):
    return response.is_publication_overdue(today)
