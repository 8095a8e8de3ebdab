"""Template helpers that show investigation rules; the rules live in cases.investigations.rules."""

from django import template

from cases.investigations import rules
from oversight.core.formatting import govuk_tag

STATUS_COLOURS = {
    rules.STARTED: "blue",
    rules.UNDER_INVESTIGATION: "light-blue",
    rules.REPORT_DRAFTING: "purple",
    rules.PAUSED: "yellow",
    rules.COMPLETED: "green",
}

register = template.Library()


@register.simple_tag
def status_tag(investigation):
    """The status, with the reason while paused (a pause does not stop the clock)."""
    label = investigation.get_status_display()
    if investigation.status == rules.PAUSED and investigation.pause_reason:
        label = f"{label}: {investigation.get_pause_reason_display().lower()}"
    return govuk_tag(STATUS_COLOURS.get(investigation.status, "grey"), label)


@register.simple_tag
def clock_tag(investigation, months, today):
    """Met or missed once completed; running (with the days left) or missed while open."""
    state = rules.clock_state(investigation.started_on, investigation.completed_on, months, today)
    if state == rules.CLOCK_MET:
        return govuk_tag("green", "Met")
    if state == rules.CLOCK_MISSED:
        return govuk_tag("red", "Missed")
    left = (rules.add_months(investigation.started_on, months) - today).days
    colour = "orange" if months == rules.TWELVE_MONTHS and left <= rules.AT_RISK_DAYS else "grey"
    when = "today" if left == 0 else f"{left} day{'s' if left != 1 else ''} left"
    return govuk_tag(colour, f"Running: {when}")


@register.simple_tag
def age_tag(investigation, today):
    """The age band of an open investigation, flagged when at risk of missing 12 months."""
    if not investigation.is_open:
        return govuk_tag("green", "Completed")
    band = rules.age_band(investigation.started_on, today)
    label = rules.AGE_BANDS[band]
    if rules.is_at_risk(investigation.started_on, investigation.completed_on, today):
        days = rules.days_to_twelve_months(investigation.started_on, today)
        return govuk_tag("orange", f"At risk: {days} day{'s' if days != 1 else ''} to 12 months")
    colour = {rules.BAND_UP_TO_6: "grey", rules.BAND_6_TO_12: "yellow"}.get(band, "red")
    return govuk_tag(colour, label)


@register.simple_tag
def days_to_twelve_months(investigation, today):
    return rules.days_to_twelve_months(investigation.started_on, today)
