"""Reads of applications: querysets with their joins, ageing, and the SQL twins of the appeal
rules (checked against appeals.rules by parity tests)."""

import datetime as dt

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404

from appeals import rules
from appeals.models import AgeBand, Application, Result
from oversight.core.casework.models import Contact, Party
from oversight.core.history import HistoryEntry, history_of


def made_in_time_q() -> Q:
    """SQL twin of rules.made_in_time: made (first received, by another body if forwarded
    here) on or before the last day to apply."""
    return Q(apply_by__gte=Coalesce(F("first_received_on"), F("received_on")))


def upheld_q() -> Q:
    """SQL twin of rules.is_upheld: decided as upheld (a review: not reasonable and
    proportionate)."""
    return Q(result=Result.UPHELD)


def application_list(*, user) -> QuerySet[Application]:
    """Applications the user may see, with the force and the people who acted joined in."""
    return Application.objects.for_user(user).select_related(
        "organisation", "first_received_by", "forwarded_to", "judged_by", "decided_by", "owner"
    )


def application_get(*, user, reference: str) -> Application:
    """One application by reference, or 404 if it does not exist or the user may not see it."""
    application = application_list(user=user).filter(reference=reference).first()
    if application is None:
        raise Http404("No application with that reference.")
    return application


def application_recommendations(*, application: Application) -> list:
    """The learning recommendations made from the appeal or review (drafts included: only
    staff see its page), the newest issued first, with their recipients. One query. Read
    through the relation learning declares, so appeals imports nothing of learning."""
    return list(
        application.recommendations.select_related("recipient").order_by("-issued_on", "-id")
    )


def application_history(*, application: Application) -> list[HistoryEntry]:
    """Who changed what on the application and its people and contacts, oldest first."""
    return history_of(application, Application, Party, Contact)


def application_ageing(*, queryset: QuerySet[Application], today: dt.date) -> list[dict]:
    """Undecided applications in each age band since receipt (one query), oldest band last.

    The bands are those of rules.age_band; a parity test checks the two agree.
    """
    thresholds = rules.age_band_thresholds(today)
    aggregates = {}
    for index, (label, latest) in enumerate(thresholds):
        in_band = Q(received_on__lte=latest)
        if index + 1 < len(thresholds):
            in_band &= Q(received_on__gt=thresholds[index + 1][1])
        aggregates[label] = Count("id", filter=in_band)
    counts = queryset.undecided().order_by().aggregate(**aggregates)
    return [
        {"band": label, "label": AgeBand(label).label, "count": counts[label]}
        for label, _ in thresholds
    ]
