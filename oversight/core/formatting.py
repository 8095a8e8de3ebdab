"""How values are written for people: in messages, on pages and in CSV files."""

import datetime as dt

from django.utils.html import format_html
from django.utils.safestring import SafeString


def long_date(day: dt.date) -> str:
    """A date as messages and pages write it: 3 June 2024."""
    return f"{day:%-d %B %Y}"


def yes_no(value: bool | None) -> str:
    """Yes or No, and nothing when the answer is not known yet."""
    return "" if value is None else ("Yes" if value else "No")


def govuk_tag(colour: str, label: str) -> SafeString:
    """A GOV.UK tag: a short coloured label for a state (escaped)."""
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label)
