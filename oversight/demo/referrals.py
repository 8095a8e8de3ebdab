"""Referrals from forces, each decided (or awaiting decision) with one determination."""

import datetime as dt
from functools import cache

from django.conf import settings

from cases.models import Category, Determination, Referral, ReferralStatus
from cases.referrals import rules
from oversight.core import references
from oversight.core.calendar import add_working_days
from oversight.demo import volumes
from oversight.demo.common import Context, random_day, scaled, weighted

CATEGORIES_FOR_MATTER = {
    "dsi": [Category.DEATH_OR_SERIOUS_INJURY],
    "complaint": [
        Category.SERIOUS_ASSAULT,
        Category.SERIOUS_SEXUAL_OFFENCE,
        Category.SERIOUS_CORRUPTION,
        Category.DISCRIMINATION,
        Category.SERIOUS_OFFENCE,
    ],
    "conduct": [
        Category.SERIOUS_CORRUPTION,
        Category.SERIOUS_SEXUAL_OFFENCE,
        Category.DISCRIMINATION,
        Category.SERIOUS_OFFENCE,
    ],
}
SUMMARIES = {
    "dsi": [
        "Man detained under section 136 became unresponsive in custody.",
        "Woman seriously injured in a collision with a marked police car on a pursuit.",
        "Man died in hospital after restraint by officers at his home address.",
        "Teenager seriously injured after falling from a height while officers were present.",
        "Man found unresponsive in a cell after being arrested for being drunk and disorderly.",
    ],
    "complaint": [
        "Complainant alleges an officer used excessive force during an arrest.",
        "Complainant alleges a stop and search was carried out because of her race.",
        "Complainant alleges officers failed to respond to reports of domestic abuse.",
        "Complainant alleges an officer pursued a sexual relationship with a victim of crime.",
        "Complainant alleges an officer discharged a Taser without justification.",
    ],
    "conduct": [
        "Officer accessed police systems for a non-policing purpose.",
        "Officer sent discriminatory messages in a group chat.",
        "Officer alleged to have formed an inappropriate relationship with a vulnerable person.",
        "Officer alleged to have disclosed confidential information to an associate.",
        "Officer failed to act on a welfare concern raised by a member of the public.",
    ],
}
REASONS = {
    "independent": "Serious matter of public concern; independence is needed.",
    "directed": "Force has the resources but independent direction is needed.",
    "local": "The force can investigate appropriately.",
    "no_investigation": "Returned to the force to handle as it sees fit.",
    "managed": "The force investigates under the oversight body's direction and control.",
    "supervised": "The force investigates; the oversight body sets the terms of reference.",
}
# The statutory order's reasons (Sch. 3 para. 15(4A)-(4C)), for each mode passed over.
ORDER_REASONS = {
    rules.WHY_NOT_LOCAL: "The seriousness of the case and the public interest need more than "
    "the force investigating on its own behalf.",
    rules.WHY_NOT_INDEPENDENT: "The force has the specialist resources; the oversight body's "
    "direction gives the independence needed.",
}
REDETERMINATION_REASON = "Decided again on information received since: {reason}"


def _due_on_fn(closed: frozenset[dt.date]):
    working_days = settings.REFERRAL_DECISION_WORKING_DAYS

    @cache
    def due_on(received_on: dt.date) -> dt.date:
        return rules.decision_due_on(received_on, working_days, closed)

    @cache
    def after(received_on: dt.date, days: int) -> dt.date:
        return add_working_days(received_on, days, closed)

    return due_on, after


def generate(ctx: Context, first: dt.date, last: dt.date, year_fraction: float) -> list:
    """Referrals received between `first` and `last`, saved, with their determinations."""
    rng = ctx.rng
    due_on, after = _due_on_fn(ctx.closed)
    working_days = settings.REFERRAL_DECISION_WORKING_DAYS
    total = scaled(rng, volumes.per_year("referrals", first.year) * ctx.scale * year_fraction)
    days = sorted(random_day(rng, first, last) for _ in range(total))
    referrals = []
    for received_on in days:
        matter = weighted(rng, volumes.MATTER_TYPES)
        referral_type = weighted(rng, volumes.REFERRAL_TYPES)
        if not rules.referral_type_allowed(matter, referral_type):
            referral_type = "mandatory"  # every DSI matter must be referred (para. 14C)
        categories = []
        if referral_type == "mandatory":
            options = CATEGORIES_FOR_MATTER[matter]
            categories = sorted(set(rng.sample(options, k=min(len(options), rng.randint(1, 2)))))
        if rng.random() < volumes.DECIDED_WITHIN_TARGET:
            decided_on = after(received_on, rng.randint(0, working_days))
        else:
            decided_on = after(received_on, rng.randint(*volumes.LATE_DECISION_WORKING_DAYS))
        mode = weighted(rng, volumes.MODES)
        if decided_on > ctx.today:
            decided_on, mode = None, ""
        first_aware_on = received_on - ctx.days_between(*volumes.AWARE_BEFORE_RECEIPT_DAYS)
        regime = rules.referral_regime(first_aware_on, received_on, "")
        if mode in volumes.LEGACY_MODES:
            legacy, share = volumes.LEGACY_MODES[mode]
            if rules.mode_allowed(legacy, regime) and rng.random() < share:
                mode = legacy
        actor = ctx.user()
        force = ctx.force()
        referrals.append(
            Referral(
                owner=ctx.owner(),
                reference=ctx.references.next(references.REFERRAL, received_on.year),
                organisation=force,
                received_on=received_on,
                matter_type=matter,
                referral_type=referral_type,
                categories=categories,
                summary=rng.choice(SUMMARIES[matter]),
                force_reference=f"{force.code[:3].upper()}/{rng.randint(10000, 99999)}",
                first_aware_on=first_aware_on,
                regime=regime,
                decision_due_on=due_on(received_on),
                status=ReferralStatus.DECIDED if decided_on else ReferralStatus.AWAITING_DECISION,
                mode=mode,
                decided_on=decided_on,
                created_by=actor,
                updated_by=actor,
            )
        )
    determinations = []
    for referral in referrals:
        if referral.decided_on:
            determinations.extend(_determinations(ctx, referral, after))
    ctx.insert(Referral, referrals, "referrals")
    ctx.insert(Determination, determinations, "determinations")
    return referrals


def _determinations(ctx: Context, referral: Referral, after) -> list[Determination]:
    """The first determination, and now and then a later one that changes the mode (the
    referral then shows the latest mode; its decision date stays the first's)."""
    needed = rules.order_reasons_needed(referral.mode, referral.regime)
    first = Determination(
        referral=referral,
        mode=referral.mode,
        decided_on=referral.decided_on,
        reason=REASONS[referral.mode],
        decided_by=referral.created_by,
        **{field: ORDER_REASONS[field] for field in needed},
    )
    if referral.mode not in volumes.REDETERMINED or (
        ctx.rng.random() >= volumes.REDETERMINED_SHARE
    ):
        return [first]
    again_on = after(
        referral.decided_on, ctx.rng.randint(*volumes.REDETERMINED_AFTER_WORKING_DAYS)
    )
    if again_on > ctx.today:
        return [first]
    referral.mode = volumes.REDETERMINED[referral.mode]
    second = Determination(
        referral=referral,
        mode=referral.mode,
        decided_on=again_on,
        reason=REDETERMINATION_REASON.format(reason=REASONS[referral.mode].lower()),
        decided_by=ctx.user(),
    )
    return [first, second]
