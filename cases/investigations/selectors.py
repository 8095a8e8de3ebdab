"""Reads of investigations: querysets with their joins, the SQL twins of the timeliness rules
(checked against cases.investigation_rules by a parity test), the ageing view, the at-risk
and notice lists, the timeline and the audit history."""

import dataclasses
import datetime as dt

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Greatest
from django.http import Http404

from cases.investigations import rules
from cases.models import (
    Allegation,
    Determination,
    Investigation,
    InvestigationStatus,
    InvestigationTheme,
    StatusChange,
    StatutoryNotice,
    Subject,
    Theme,
)
from oversight.core.casework.models import Contact, Party
from oversight.core.history import HistoryEntry, history_of
from oversight.core.models import User
from oversight.core.selectors import casework_staff_for_choice


class AddMonths(Func):
    """`date + N calendar months` in SQL. PostgreSQL, like dateutil's relativedelta, keeps the
    day or clamps it to the month's last day (31 August + 6 months = 28/29 February)."""

    template = "(%(expressions)s + make_interval(months => %(months)s))::date"
    output_field = DateField()

    def __init__(self, expression, *, months: int):
        super().__init__(expression, months=int(months))


def completed_within_q(months: int) -> Q:
    """SQL twin of rules.completed_within: `completed_on <= started_on + N months`."""
    return Q(
        completed_on__isnull=False, completed_on__lte=AddMonths(F("started_on"), months=months)
    )


def headline_mode_q(headline: str) -> Q:
    """SQL twin of rules.headline_mode: the modes counted in that headline figure."""
    return Q(mode__in=rules.HEADLINE_MODES[headline])


def _mark_reached_by(today: dt.date, months: int) -> Q:
    """Started early enough that the N-month mark is on or after `today` (as a range of
    start dates, so that the open-investigations index serves it)."""
    return Q(started_on__gte=rules.earliest_start_reaching(today, months))


def age_band_q(band: str, today: dt.date) -> Q:
    """SQL twin of rules.age_band, for open investigations."""
    open_ = ~Q(status=InvestigationStatus.COMPLETED)
    if band == rules.BAND_UP_TO_6:
        return open_ & _mark_reached_by(today, rules.SIX_MONTHS)
    if band == rules.BAND_6_TO_12:
        return (
            open_
            & ~_mark_reached_by(today, rules.SIX_MONTHS)
            & _mark_reached_by(today, rules.TWELVE_MONTHS)
        )
    if band == rules.BAND_OVER_12:
        return open_ & ~_mark_reached_by(today, rules.TWELVE_MONTHS)
    raise ValueError(f"Unknown age band {band!r}")


def at_risk_q(today: dt.date) -> Q:
    """SQL twin of rules.is_at_risk: open, the 12-month mark today or within 30 days."""
    after_window = today + dt.timedelta(days=rules.AT_RISK_DAYS + 1)
    return (
        ~Q(status=InvestigationStatus.COMPLETED)
        & _mark_reached_by(today, rules.TWELVE_MONTHS)
        & ~_mark_reached_by(after_window, rules.TWELVE_MONTHS)
    )


def notice_needed_q(today: dt.date) -> Q:
    """SQL twin of rules.notice_needed: open, and an unrecorded notice has fallen due."""
    return ~Q(status=InvestigationStatus.COMPLETED) & Q(next_notice_due_on__lte=today)


class AddDays(Func):
    """`date + N days` in SQL (a date in PostgreSQL)."""

    template = "(%(expressions)s + %(days)s)"
    output_field = DateField()

    def __init__(self, expression, *, days: int):
        super().__init__(expression, days=int(days))


def _last_told(kinds, *, through_representative: bool) -> Subquery:
    """The last outbound contact of these kinds with the outer party, or with someone acting
    for them (rules.INFORMED_ROLES: a representative is told on their behalf). Two queries,
    not one with OR, so that each is a look-up in an index."""
    party = "party__acting_for" if through_representative else "party"
    told = Contact.objects.filter(
        **{party: OuterRef("pk")}, direction=Contact.Direction.OUTBOUND, kind__in=kinds
    )
    return Subquery(told.order_by("-on").values("on")[:1], output_field=DateField())


def _informed(**case) -> QuerySet[Party]:
    return Party.objects.filter(**case, role__in=rules.INFORMED_ROLES)


def next_update_due_on_expression() -> Case:
    """SQL twin of rules.next_update_due_on (reg. 34(2)(a)), per investigation: the earliest,
    over its complainants and interested persons, of the later of the start and their last
    progress update or outcome, plus 28 days; null once completed or with no one to tell."""
    # PostgreSQL's GREATEST ignores NULLs: someone never told counts from the start.
    since = Greatest(
        OuterRef("started_on"),
        _last_told(rules.PROGRESS_KINDS, through_representative=False),
        _last_told(rules.PROGRESS_KINDS, through_representative=True),
        output_field=DateField(),
    )
    earliest = (
        _informed(investigation=OuterRef("pk"))
        .annotate(due=AddDays(since, days=rules.PROGRESS_UPDATE_DAYS))
        .order_by("due")
        .values("due")[:1]
    )
    return Case(
        When(completed_on__isnull=True, then=Subquery(earliest)),
        default=None,
        output_field=DateField(),
    )


def outcome_untold_q() -> Q:
    """Completed, with a complainant or interested person not yet told the outcome (reg.
    34(2)(b)): no outbound outcome to them or the person acting for them, as the contact log
    keeps in each party's `outcome_told_on`.

    Runs one query now: the investigations of those untold, read from their partial index
    (few). Joined in one statement, the planner misjudges how few they are and scans every
    completed investigation and its referral instead."""
    untold = (
        _informed(investigation__isnull=False, outcome_told_on__isnull=True)
        .values_list("investigation_id", flat=True)
        .distinct()
    )
    return Q(status=InvestigationStatus.COMPLETED, pk__in=list(untold))


# Lists and one record ----------------------------------------------------------------------


def investigation_list(*, user) -> QuerySet[Investigation]:
    """Investigations the user may see, with the referral, force, lead and themes loaded."""
    return (
        Investigation.objects.for_user(user)
        .select_related("referral", "referral__organisation", "lead_investigator", "owner")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .annotate(next_update_due_on=next_update_due_on_expression())
    )


def _subjects_prefetch() -> Prefetch:
    return Prefetch(
        "subjects",
        queryset=Subject.objects.select_related("organisation").prefetch_related(
            Prefetch("allegations", queryset=Allegation.objects.order_by("id"))
        ),
    )


def investigation_list_with_people(*, user) -> QuerySet[Investigation]:
    """As investigation_list, with every person and their allegations (for the API)."""
    return investigation_list(user=user).prefetch_related(_subjects_prefetch())


def investigation_get(*, user, reference: str) -> Investigation:
    """One investigation with everything its page shows, or 404 if absent or not visible."""
    investigation = (
        investigation_list_with_people(user=user)
        .prefetch_related(
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.select_related("changed_by").order_by(
                    "changed_on", "id"
                ),
            ),
            Prefetch("notices", queryset=StatutoryNotice.objects.select_related("recorded_by")),
            Prefetch(
                "referral__determinations",
                queryset=Determination.objects.select_related("decided_by").order_by(
                    "decided_on", "id"
                ),
            ),
        )
        .filter(reference=reference)
        .first()
    )
    if investigation is None:
        raise Http404("No investigation with that reference.")
    return investigation


def investigation_recommendations(*, investigation: Investigation) -> list:
    """The learning recommendations made from the investigation (drafts included: only staff
    see its page), the newest issued first, with their recipients. One query. Read through
    the relation learning declares, so cases imports nothing of learning."""
    return list(
        investigation.recommendations.select_related("recipient").order_by("-issued_on", "-id")
    )


def lead_investigators_for_choice() -> QuerySet[User]:
    """Casework staff who can lead an investigation, by name."""
    return casework_staff_for_choice()


def themes_for_choice(*, keep: QuerySet[Theme] | None = None) -> QuerySet[Theme]:
    """Active themes, plus any inactive ones already on the record being edited."""
    condition = Q(is_active=True)
    if keep is not None:
        condition |= Q(pk__in=keep.values("pk"))
    return Theme.objects.filter(condition).order_by("name")


# Ageing, at risk and notices ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class AgeingSummary:
    """Open investigations by age band: core ones counted, major ones shown apart."""

    bands: list[tuple[str, str, int]]  # (band code, label, core count)
    core: int
    major: int
    at_risk: int
    notice_needed: int


def ageing_summary(*, user, today: dt.date, lead: User | None = None) -> AgeingSummary:
    """Counts of open investigations per age band (core only), major ones, those at risk and
    those needing a notice; one query, for everyone's or one lead investigator's cases."""
    queryset = Investigation.objects.for_user(user).filter(
        ~Q(status=InvestigationStatus.COMPLETED)
    )
    if lead is not None:
        queryset = queryset.filter(lead_investigator=lead)
    core = Q(is_major=False)
    counts = queryset.aggregate(
        **{
            f"band_{band}": Count("id", filter=core & age_band_q(band, today))
            for band in rules.AGE_BANDS
        },
        core=Count("id", filter=core),
        major=Count("id", filter=Q(is_major=True)),
        at_risk=Count("id", filter=at_risk_q(today)),
        notice_needed=Count("id", filter=notice_needed_q(today)),
    )
    return AgeingSummary(
        bands=[(band, label, counts[f"band_{band}"]) for band, label in rules.AGE_BANDS.items()],
        core=counts["core"],
        major=counts["major"],
        at_risk=counts["at_risk"],
        notice_needed=counts["notice_needed"],
    )


def investigations_at_risk(
    *, user, today: dt.date, lead: User | None = None
) -> QuerySet[Investigation]:
    """Open investigations whose 12-month mark is within 30 days, nearest first (major ones
    included and marked)."""
    queryset = investigation_list(user=user).filter(at_risk_q(today))
    if lead is not None:
        queryset = queryset.filter(lead_investigator=lead)
    return queryset.order_by("started_on", "id")


def investigations_needing_notice(
    *, user, today: dt.date, lead: User | None = None
) -> QuerySet[Investigation]:
    """Open investigations with a statutory notice fallen due and not recorded, oldest first."""
    queryset = investigation_list(user=user).filter(notice_needed_q(today))
    if lead is not None:
        queryset = queryset.filter(lead_investigator=lead)
    return queryset.order_by("next_notice_due_on", "id")


@dataclasses.dataclass(frozen=True)
class NoticeRow:
    due_on: dt.date
    notice: StatutoryNotice | None
    state: str  # "recorded", "needed" (fallen due, not recorded) or "upcoming"


def notice_schedule(investigation: Investigation, today: dt.date) -> list[NoticeRow]:
    """Each notice due so far (while the investigation was unfinished), recorded or not, and
    the next one if it is still open; uses the prefetched notices."""
    recorded = {notice.due_on: notice for notice in investigation.notices.all()}
    due = rules.notices_required(investigation.first_aware_on, investigation.completed_on, today)
    rows = [
        NoticeRow(day, recorded.get(day), "recorded" if day in recorded else "needed")
        for day in due
    ]
    if investigation.is_open and investigation.first_aware_on is not None:
        upcoming = rules.notice_due_on(investigation.first_aware_on, len(due) + 1)
        rows.append(NoticeRow(upcoming, recorded.get(upcoming), "upcoming"))
    return rows


# Timeline and history ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    on: dt.date
    title: str
    detail: str = ""


def investigation_timeline(investigation: Investigation) -> list[TimelineEntry]:
    """Referral received, each decision, the start, every status change, notices and the
    completion, in date order (from prefetched rows: no queries)."""
    referral = investigation.referral
    entries = [TimelineEntry(referral.received_on, f"Referral {referral.reference} received")]
    for determination in referral.determinations.all():
        entries.append(
            TimelineEntry(
                determination.decided_on,
                f"Mode decided: {determination.get_mode_display()}",
                determination.decided_by.display_name,
            )
        )
    changes = list(investigation.status_changes.all())
    for index, change in enumerate(changes):
        if index == 0 and change.status == InvestigationStatus.STARTED:
            title = "Investigation started"
        elif change.status == InvestigationStatus.COMPLETED:
            title = "Investigation completed"
        elif change.status == InvestigationStatus.PAUSED:
            title = f"Paused: {change.get_pause_reason_display().lower()}"
        else:
            title = f"Status changed to {change.get_status_display().lower()}"
        detail = " – ".join(filter(None, [change.changed_by.display_name, change.note]))
        entries.append(TimelineEntry(change.changed_on, title, detail))
    for notice in investigation.notices.all():
        entries.append(
            TimelineEntry(
                notice.actioned_on,
                f"Statutory notice {notice.get_action_display().lower()}",
                f"Due {notice.due_on:%-d %B %Y}",
            )
        )
    # sorted() is stable: on the same day, the order above (the natural one) is kept.
    return sorted(entries, key=lambda entry: entry.on)


HISTORY_MODELS = (
    Investigation,
    StatusChange,
    Subject,
    Allegation,
    InvestigationTheme,
    StatutoryNotice,
    Party,
    Contact,
)


def investigation_history(*, investigation: Investigation) -> list[HistoryEntry]:
    """Who changed what on the investigation, its people, allegations, themes, status and
    notices, oldest first."""
    return history_of(investigation, *HISTORY_MODELS)
