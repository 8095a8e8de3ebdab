"""Investigations opened from referrals decided as independent or directed, with their
lifecycle, themes, people and outcomes, and the statutory notices that fell due."""

import datetime as dt

from cases.investigations import rules
from cases.models import (
    Allegation,
    Consequence,
    Investigation,
    InvestigationStatus,
    InvestigationTheme,
    NoticeAction,
    Outcome,
    PauseReason,
    StatusChange,
    StatutoryNotice,
    Subject,
    Theme,
)
from oversight.core import references
from oversight.core.calendar import financial_year_start
from oversight.demo import volumes
from oversight.demo.common import Context

INVESTIGATED = frozenset({"independent", "directed", "managed"})
RANKS = ["PC", "PC", "PC", "DC", "PS", "DS", "Insp", "Police staff"]
# (opinion, what follows it): with no case to answer, sometimes the unsatisfactory
# performance procedures or reflective practice (consequences, not outcomes of their own).
OPINIONS = {
    (Outcome.NO_CASE_TO_ANSWER, ""): 0.45,
    (Outcome.MISCONDUCT, ""): 0.2,
    (Outcome.GROSS_MISCONDUCT, ""): 0.1,
    (Outcome.NO_CASE_TO_ANSWER, Consequence.REFLECTIVE_PRACTICE): 0.15,
    (Outcome.NO_CASE_TO_ANSWER, Consequence.UNSATISFACTORY_PERFORMANCE): 0.1,
}
ALLEGATIONS = [
    "Used force that was not necessary, proportionate or reasonable.",
    "Failed to carry out adequate checks on a detained person's welfare.",
    "Discriminated against the complainant because of their race.",
    "Abused their position for a sexual purpose.",
    "Failed to record and investigate a report of crime.",
    "Gave a misleading account of events.",
]
# What a notice given says (reg. 13(4)).
NOTICE_CONTENTS = {
    "progress": "Witness statements taken; expert evidence commissioned.",
    "delay_reasons": "Awaiting expert evidence and the outcome of related proceedings.",
    "planned_steps": "Interview the officers, then draft the report.",
}
DISCIPLINE = {
    Outcome.GROSS_MISCONDUCT: [
        "dismissal",
        "reduction_in_rank",
        "final_written_warning",
        "written_warning",
    ],
    Outcome.MISCONDUCT: ["written_warning", "management_advice", "no_action"],
}
# Expected investigations a year at scale 1, to turn "a few major ones a year" into a chance.
_INVESTIGATED_SHARE = sum(v for k, v in volumes.MODES.items() if k in INVESTIGATED)


def _core_completion(ctx: Context, started_on: dt.date) -> dt.date:
    rng = ctx.rng
    six = rules.add_months(started_on, rules.SIX_MONTHS)
    twelve = rules.add_months(started_on, rules.TWELVE_MONTHS)
    midpoint_year = financial_year_start(six)
    u = rng.random()
    if u < volumes.per_year("core_within_6_months", midpoint_year):
        return started_on + dt.timedelta(days=rng.randint(20, (six - started_on).days))
    if u < volumes.per_year("core_within_12_months", midpoint_year):
        return six + dt.timedelta(days=rng.randint(1, (twelve - six).days))
    return twelve + dt.timedelta(days=rng.randint(1, 365))


def _lifecycle(ctx, inv: Investigation, actor) -> list[StatusChange]:
    """The status steps, from the start to the current status (rules.can_move holds)."""
    rng = ctx.rng
    steps = [(InvestigationStatus.STARTED, inv.started_on, "")]
    end = inv.completed_on or ctx.today
    active = min(inv.started_on + dt.timedelta(days=rng.randint(1, 14)), end)
    if inv.completed_on or active < ctx.today:
        steps.append((InvestigationStatus.UNDER_INVESTIGATION, active, ""))
    if inv.completed_on:
        steps.append((InvestigationStatus.COMPLETED, inv.completed_on, ""))
    elif len(steps) > 1:
        later = active + dt.timedelta(days=rng.randint(0, max(0, (ctx.today - active).days)))
        roll = rng.random()
        if roll < 0.15:
            reason = rng.choice(PauseReason.values)
            steps.append((InvestigationStatus.PAUSED, later, reason))
        elif roll < 0.45:
            steps.append((InvestigationStatus.REPORT_DRAFTING, later, ""))
    for (before, _, _), (after, _, _) in zip(steps, steps[1:], strict=False):
        assert rules.can_move(before, after), (before, after)
    status, changed_on, reason = steps[-1]
    inv.status, inv.status_changed_on, inv.pause_reason = status, changed_on, reason
    return [
        StatusChange(investigation=inv, status=s, changed_on=d, pause_reason=r, changed_by=actor)
        for s, d, r in steps
    ]


def _people(ctx: Context, inv: Investigation, subjects: list, allegations: list) -> None:
    """The people under investigation; once completed, each has an opinion on every allegation
    (rules.people_without_outcome is empty), and the force has mostly determined them."""
    rng = ctx.rng
    completed = inv.completed_on is not None
    low, high = volumes.SUBJECTS_PER_INVESTIGATION
    for _ in range(rng.randint(1 if completed else low, high)):
        subject = Subject(
            investigation=inv,
            name=rng.choice(ctx.names),
            rank=rng.choice(RANKS),
            collar_number=str(rng.randint(100, 99999)),
            organisation_id=inv.referral.organisation_id,
        )
        subjects.append(subject)
        for _ in range(rng.randint(1, 2)):
            opinion, consequence = "", ""
            if completed or rng.random() < 0.2:
                opinion, consequence = rng.choices(
                    list(OPINIONS), weights=list(OPINIONS.values())
                )[0]
            agreed = opinion and completed and rng.random() < 0.8
            allegations.append(
                Allegation(
                    investigation=inv,
                    subject=subject,
                    description=rng.choice(ALLEGATIONS),
                    investigator_opinion=opinion,
                    investigator_consequence=consequence,
                    force_determination=opinion if agreed else "",
                    force_consequence=consequence if agreed else "",
                )
            )
            determination = opinion if agreed else ""
            if determination in DISCIPLINE and not subject.disciplinary_result:
                subject.disciplinary_result = rng.choice(DISCIPLINE[determination])
        if completed and rng.random() < 0.08:
            subject.referred_to_cps = True
            subject.charging_decision = rng.choice(["charged", "no_further_action", "pending"])
        if subject.disciplinary_result == "dismissal" and rng.random() < 0.3:
            subject.barred_list = True
        elif completed and rng.random() < 0.01:
            subject.advisory_list = True  # left while under investigation


def generate(ctx: Context, referrals: list, themes: list[Theme], pool: list) -> list:
    """Open an investigation for each referral decided as independent or directed."""
    rng = ctx.rng
    major_chance = volumes.MAJOR_INVESTIGATIONS_PER_YEAR / (
        volumes.REFERRALS_PER_YEAR * _INVESTIGATED_SHARE
    )
    investigations, changes = [], []
    for referral in referrals:
        if referral.mode not in INVESTIGATED:
            continue
        started_on = min(
            referral.decided_on + ctx.days_between(*volumes.START_AFTER_DECISION_DAYS), ctx.today
        )
        is_major = rng.random() < major_chance
        if is_major:
            months = rng.randint(*volumes.MAJOR_DURATION_MONTHS)
            completed_on = rules.add_months(started_on, months)
        else:
            completed_on = _core_completion(ctx, started_on)
        if completed_on > ctx.today:
            completed_on = None
        lead = ctx.user()
        inv = Investigation(
            owner=ctx.owner(),
            reference=ctx.references.next(references.INVESTIGATION, started_on.year),
            referral=referral,
            mode=referral.mode,
            mode_decided_on=referral.decided_on,
            lead_investigator=lead,
            is_major=is_major,
            first_aware_on=referral.first_aware_on,
            started_on=started_on,
            completed_on=completed_on,
            created_by=lead,
            updated_by=lead,
        )
        changes.extend(_lifecycle(ctx, inv, lead))
        investigations.append(inv)
    links, subjects, allegations, notices = [], [], [], []
    for inv in investigations:
        if themes and rng.random() < volumes.THEMATIC_SHARE:
            for theme in rng.sample(themes, k=rng.randint(1, 2)):
                links.append(InvestigationTheme(investigation=inv, theme=theme))
        _people(ctx, inv, subjects, allegations)
        given = set()
        for due in rules.notices_required(inv.first_aware_on, inv.completed_on, ctx.today):
            actioned_on = due + ctx.days_between(0, 10)
            if inv.completed_on:
                actioned_on = max(due, min(actioned_on, inv.completed_on))
            if actioned_on > ctx.today:
                break
            given.add(due)
            notices.append(
                StatutoryNotice(
                    investigation=inv,
                    due_on=due,
                    action=NoticeAction.GIVEN,
                    actioned_on=actioned_on,
                    **NOTICE_CONTENTS,
                    estimated_completion_on=actioned_on + dt.timedelta(days=120),
                    recorded_by=inv.lead_investigator,
                )
            )
        inv.next_notice_due_on = rules.next_notice_due(inv.first_aware_on, given)
        if inv.completed_on:
            pool.append((inv, inv.completed_on))
    ctx.insert(Investigation, investigations, "investigations")
    ctx.insert(StatusChange, changes)
    ctx.insert(InvestigationTheme, links)
    ctx.insert(Subject, subjects, "subjects")
    ctx.insert(Allegation, allegations, "allegations")
    ctx.insert(StatutoryNotice, notices, "notices")
    return investigations
