"""Reads of refused requests, for the managers' page."""

import datetime as dt

from django.db.models import Count, Max, Q, QuerySet

from oversight.core.refusals.models import RefusedRequest

DAY = dt.timedelta(hours=24)
WEEK = dt.timedelta(days=7)


def refused_request_counts(*, now: dt.datetime) -> QuerySet:
    """Refusals of the last 7 days per user and address, with those of the last 24 hours and
    the latest; the most in 24 hours first, then the most in 7 days. One aggregate query."""
    return (
        RefusedRequest.objects.filter(at__gte=now - WEEK)
        .values("user__username", "address")
        .annotate(
            last_day=Count("id", filter=Q(at__gte=now - DAY)),
            last_week=Count("id"),
            latest=Max("at"),
        )
        .order_by("-last_day", "-last_week", "-latest", "user__username", "address")
    )
