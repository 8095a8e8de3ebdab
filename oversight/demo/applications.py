"""Appeals and reviews: kind, deadline and review body derived by appeals.rules."""

import datetime as dt

from appeals import rules
from appeals.models import (
    REVIEW_BODY_CRITERIA,
    Applicant,
    Application,
    FollowUp,
    InvalidReason,
    Status,
    Subject,
)
from oversight.core import regime
from oversight.demo import volumes
from oversight.demo.common import Context, random_day, scaled

CRITERIA = REVIEW_BODY_CRITERIA
GROUNDS = [
    "The complainant says the force did not look at the body-worn video footage.",
    "The complainant disagrees that the officers' use of force was reasonable.",
    "The complainant says their account of the stop and search was not considered.",
    "The complainant says the outcome letter did not explain the decision.",
    "The complainant says the force failed to speak to an independent witness.",
]
REASONS_UPHELD = "The handling did not address the central allegation."
REASONS_NOT_UPHELD = "The outcome was reasonable and proportionate on the evidence."


def generate(ctx: Context, first: dt.date, last: dt.date, year_fraction: float, pool: list):
    rng = ctx.rng
    total = scaled(rng, volumes.per_year("applications", first.year) * ctx.scale * year_fraction)
    rows = []
    for received_on in sorted(random_day(rng, first, last) for _ in range(total)):
        late = rng.random() < volumes.LATE_SHARE
        lag = rng.randint(29, 60) if late else rng.randint(1, rules.APPLICATION_WINDOW_DAYS)
        notified_on = received_on - dt.timedelta(days=lag)
        # A few complaints take years to handle, so appeals run on after the 2020 reform.
        long_running = rng.random() < volumes.LONG_RUNNING_COMPLAINT_SHARE
        complaint_on = notified_on - ctx.days_between(
            *(volumes.LONG_RUNNING_COMPLAINT_DAYS if long_running else volumes.COMPLAINT_DAYS)
        )
        kind = rules.application_kind(complaint_on)
        subject_regime = regime.regime_of(complaint_on)
        subjects = [s for s in Subject.values if rules.subject_allowed(s, kind)]
        subject = rng.choices(subjects, weights=[5, 4, 1, 1][: len(subjects)])[0]
        # An appeal against non-recording is always the oversight body's: never forwarded.
        forwarded = rng.random() < volumes.FORWARDED_SHARE and subject != rules.NON_RECORDING
        criteria = {name: False for name in CRITERIA}
        if not forwarded:
            for name in rng.sample(CRITERIA, k=rng.randint(1, 2)):
                criteria[name] = True
        actor = ctx.user()
        force = ctx.force()
        if forwarded and kind == rules.REVIEW and force.local_policing_body_id is None:
            forwarded = False  # no local policing body (British Transport Police): ours
            for name in rng.sample(CRITERIA, k=rng.randint(1, 2)):
                criteria[name] = True
        # A few were first sent to the local policing body, which forwarded them to us: the
        # time limit counts to the day it received them (reg. 29(3), para. 32(3)).
        first_received_on = first_received_by = None
        if not forwarded and rng.random() < volumes.FIRST_RECEIVED_ELSEWHERE_SHARE:
            first_received_by = force.local_policing_body_id or force.pk
            first_received_on = max(notified_on, received_on - ctx.days_between(2, 14))
        app = Application(
            owner=ctx.owner(),
            organisation=force,
            force_reference=f"CO/{rng.randint(1000, 99999)}/{complaint_on:%y}",
            complaint_made_on=complaint_on,
            outcome_notified_on=notified_on,
            received_on=received_on,
            first_received_on=first_received_on,
            first_received_by_id=first_received_by,
            applicant=Applicant.COMPLAINANT if rng.random() < 0.9 else Applicant.REPRESENTATIVE,
            subject=subject,
            summary=rng.choice(GROUNDS),
            **criteria,
            regime=subject_regime,
            kind=kind,
            apply_by=rules.apply_by(notified_on),
            review_body=rules.relevant_review_body(kind=kind, subject=subject, **criteria),
            created_by=actor,
            updated_by=actor,
        )
        app.reference = ctx.references.next(rules.reference_prefix(kind), received_on.year)
        _progress(ctx, app, forwarded, actor)
        if app.result == rules.UPHELD:
            pool.append((app, app.decided_on))
        rows.append(app)
    ctx.insert(Application, rows, "applications")
    return rows


def _progress(ctx: Context, app: Application, forwarded: bool, actor) -> None:
    """Forward, judge and decide as far as the days up to today allow."""
    rng = ctx.rng
    handled_on = app.received_on + ctx.days_between(1, 21)
    if forwarded:
        if handled_on <= ctx.today:
            app.status = Status.FORWARDED
            app.forwarded_on = handled_on
            # A review goes to the force's local policing body; an appeal before 2020 to
            # the force's chief officer.
            force = app.organisation
            app.forwarded_to_id = (
                force.pk if app.kind == rules.APPEAL else force.local_policing_body_id
            )
        return
    if handled_on > ctx.today:
        return  # still awaiting the validity check
    if not app.made_in_time and rng.random() < 0.5:
        app.is_valid, app.invalid_reason = False, InvalidReason.OUT_OF_TIME
    elif rng.random() < volumes.INVALID_SHARE:
        app.is_valid = False
        app.invalid_reason = rng.choice(
            [InvalidReason.MISSING_INFORMATION, InvalidReason.NOT_COMPLAINANT, InvalidReason.OTHER]
        )
        if app.invalid_reason == InvalidReason.NOT_COMPLAINANT:
            app.applicant = rules.SOMEONE_ELSE
        if app.invalid_reason == InvalidReason.OTHER:
            app.validity_notes = "The application is about a matter that is not a complaint."
    else:
        app.is_valid = True
        if not app.made_in_time:
            app.special_circumstances = "The complainant was in hospital when told the outcome."
    problems = rules.validity_problems(
        is_valid=app.is_valid,
        invalid_reason=app.invalid_reason,
        in_time=app.made_in_time,
        special_circumstances=app.special_circumstances,
        applicant=app.applicant,
    )
    assert not problems, problems
    app.judged_on, app.judged_by = handled_on, actor
    app.status = Status.VALID if app.is_valid else Status.INVALID
    if not app.is_valid:
        return
    decided_on = handled_on + dt.timedelta(weeks=rng.randint(*volumes.DECISION_WEEKS))
    if decided_on > ctx.today:
        return
    upheld = rng.random() < volumes.UPHELD_SHARE
    app.status, app.decided_on, app.decided_by = Status.DECIDED, decided_on, actor
    app.result = rules.UPHELD if upheld else "not_upheld"
    app.follow_up = [rng.choice(FollowUp.values)] if upheld else []
    app.decision_reasons = REASONS_UPHELD if upheld else REASONS_NOT_UPHELD
