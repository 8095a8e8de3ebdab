"""Reminder emails: each active member of the casework staff with an email address gets one
digest of the duties on their own cases that are overdue or due within 5 working days.

No personal data goes in an email: only references, what is due (the duty's label), dates
and links to the case pages, which need a sign-in."""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from oversight.core.formatting import long_date
from oversight.core.models import User
from oversight.core.selectors import casework_staff_for_choice, closed_days_from
from oversight.work import digest, rules, selectors
from oversight.work.selectors import WorkItem

TEMPLATE = "oversight/email/reminders"


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _line(item: WorkItem) -> dict:
    """One duty as the email shows it: never the case's summary, which may name people."""
    path = reverse(selectors.DETAIL_URL_NAMES[item.kind], kwargs={"reference": item.reference})
    return {
        "reference": item.reference,
        "duty": rules.DUTIES[item.duty],
        "due_on": long_date(item.due_on),
        "url": _absolute(path),
    }


def _reminder(user: User, items: list[WorkItem], *, horizon: dt.date) -> EmailMultiAlternatives:
    overdue = [_line(item) for item in items if item.overdue]
    due_soon = [_line(item) for item in items if not item.overdue]
    context = {
        "overdue": overdue,
        "due_soon": due_soon,
        "horizon": long_date(horizon),
        "working_days": digest.REMINDER_WORKING_DAYS,
        "work_url": _absolute(reverse("home")),
    }
    message = EmailMultiAlternatives(
        subject=digest.digest_subject(overdue=len(overdue), due_soon=len(due_soon)),
        body=render_to_string(f"{TEMPLATE}.txt", context),
        to=[user.email],
    )
    message.attach_alternative(render_to_string(f"{TEMPLATE}.html", context), "text/html")
    return message


def reminders_send(*, today: dt.date) -> int:
    """Email each active member of staff with an email address the duties on their cases that
    are overdue or due within 5 working days of today, one email each over one connection;
    nobody with nothing due. Returns how many were sent. A fixed number of queries: the
    users in one, their duties in one call of work_items, grouped here."""
    users = list(casework_staff_for_choice().exclude(email=""))
    if not users:
        return 0
    horizon = digest.reminder_horizon(today, closed_days_from(today))
    by_owner: dict[str, list[WorkItem]] = defaultdict(list)
    for item in selectors.work_items(today=today, owner_ids=[user.pk for user in users]):
        by_owner[item.owner].append(item)
    messages = []
    for user in users:
        items = digest.digest_items(by_owner.get(user.username, ()), horizon=horizon)
        if items:
            messages.append(_reminder(user, items, horizon=horizon))
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
