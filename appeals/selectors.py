"""Reads of applications: querysets with their joins, ageing, and the counts the figures need."""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from appeals import rules
from appeals.models import AgeBand, Application, Result
from oversight.core.calendar import financial_year_from_start
from oversight.core.db_functions import FinancialYearStart
from oversight.core.history import HistoryEntry, history_of

Counts = dict[tuple[str, int], dict[str, int]]


def application_list(*, user) -> QuerySet[Application]:
    """Applications the user may see, with the force and the people who acted joined in."""
    return Application.objects.for_user(user).select_related(
        "organisation", "judged_by", "decided_by"
    )


def application_get(*, user, reference: str) -> Application:
    """One application by reference, or 404 if it does not exist or the user may not see it."""
    application = application_list(user=user).filter(reference=reference).first()
    if application is None:
        raise Http404("No application with that reference.")
    return application


def application_history(*, application: Application) -> list[HistoryEntry]:
    """Who changed what on the application, oldest first."""
    return history_of(application, Application)


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


def application_counts_by_year(*, subject: str | None = None, kind: str | None = None) -> Counts:
    """Per (financial year, force): received in the year and, of those, judged valid; valid
    ones decided in the year and, of those, upheld (a review: not reasonable and
    proportionate). Applications forwarded to another review body are not counted.

    Two grouped queries. Pass `subject` (for example non_investigation_handling) or `kind`
    to count one part apart, such as reviews after an investigation.
    """
    base = Application.objects.counted()
    if subject:
        base = base.filter(subject=subject)
    if kind:
        base = base.filter(kind=kind)
    counts: Counts = defaultdict(
        lambda: dict.fromkeys(["received", "valid", "decided", "upheld"], 0)
    )
    received = (
        base.annotate(fy=FinancialYearStart("received_on"))
        .values("fy", "organisation_id")
        .annotate(received=Count("id"), valid=Count("id", filter=Q(is_valid=True)))
        .order_by()
    )
    for row in received:
        bucket = counts[(financial_year_from_start(row["fy"]), row["organisation_id"])]
        bucket["received"] += row["received"]
        bucket["valid"] += row["valid"]
    decided = (
        base.filter(is_valid=True, decided_on__isnull=False)
        .annotate(fy=FinancialYearStart("decided_on"))
        .values("fy", "organisation_id")
        .annotate(decided=Count("id"), upheld=Count("id", filter=Q(result=Result.UPHELD)))
        .order_by()
    )
    for row in decided:
        bucket = counts[(financial_year_from_start(row["fy"]), row["organisation_id"])]
        bucket["decided"] += row["decided"]
        bucket["upheld"] += row["upheld"]
    return dict(counts)


def application_figure_rows() -> QuerySet:
    """The columns every application figure is computed from, one dict per application
    (forwarded ones left out): for parity checks against the pure definitions."""
    return (
        Application.objects.counted()
        .values(
            "organisation_id",
            "kind",
            "subject",
            "received_on",
            "is_valid",
            "decided_on",
            "result",
        )
        .order_by("id")
    )
