"""Template helpers that show application rules; the rules themselves live in appeals.rules."""

from django import template

from appeals import rules
from appeals.models import Status
from oversight.core.formatting import govuk_tag

STATUS_COLOURS = {
    Status.RECEIVED: "blue",
    Status.VALID: "light-blue",
    Status.INVALID: "grey",
    Status.FORWARDED: "purple",
}

register = template.Library()


@register.simple_tag
def status_tag(application):
    """A coloured tag: the decision once decided (red when upheld), otherwise the status."""
    if application.status == Status.DECIDED:
        colour = "red" if application.upheld else "green"
        return govuk_tag(colour, application.result_label)
    return govuk_tag(
        STATUS_COLOURS.get(application.status, "grey"), application.get_status_display()
    )


@register.simple_tag
def time_tag(application):
    """Made in time, or late (and, if accepted late, say so)."""
    if application.made_in_time:
        return govuk_tag("green", "In time")
    if application.special_circumstances:
        return govuk_tag("yellow", "Late, accepted")
    return govuk_tag("orange", "Late")


@register.simple_tag
def days_waiting(application, today):
    """Days since receipt."""
    return rules.age_in_days(application.received_on, today)
