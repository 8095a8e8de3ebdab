"""Celery tasks of the worklist. Thin: they call one service."""

import datetime as dt

from celery import shared_task
from django.utils import timezone

from oversight.work import reminders


@shared_task(acks_late=True)
def send_reminders(today: str | None = None) -> int:
    """Run by beat every morning: email each member of staff their reminder digest."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return reminders.reminders_send(today=day)
