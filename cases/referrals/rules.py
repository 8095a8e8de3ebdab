"""Referral rules as pure functions over dates and values: no ORM, no clock (the caller passes
today). The 2020 transition itself (which regime a matter is under) is oversight.core.regime."""

import datetime as dt
from collections.abc import Collection

from oversight.core.calendar import add_working_days
from oversight.core.regime import POST_2020, PRE_2020, reason_applies, regime_of

# The modes each regime allows (Police Reform Act 2002 Sch. 3 para. 15(4)). Before the
# Policing and Crime Act 2017 reforms: local, supervised, managed, independent. After them
# (para. 15(4) as amended by the 2017 Act Sch. 5 para. 15(5)): local, directed, independent.
# Either regime may decide that no investigation is necessary (paras 5(1), 14(1), 14D(1)).
REGIME_MODES = {
    PRE_2020: ("independent", "supervised", "managed", "local", "no_investigation"),
    POST_2020: ("independent", "directed", "local", "no_investigation"),
}
LEGACY_MODES = frozenset({"supervised", "managed"})

DSI = "dsi"
VOLUNTARY = "voluntary"


def decision_due_on(
    received_on: dt.date, working_days: int, closed: Collection[dt.date] = ()
) -> dt.date:
    """The mode decision is due within `working_days` working days of receipt."""
    return add_working_days(received_on, working_days, closed)


def decided_within_target(decided_on: dt.date | None, due_on: dt.date) -> bool | None:
    """Met when the first determination is on or before the due date; None while undecided."""
    if decided_on is None:
        return None
    return decided_on <= due_on


def is_decision_overdue(decided_on: dt.date | None, due_on: dt.date, today: dt.date) -> bool:
    """Undecided and the due date has passed."""
    return decided_on is None and today > due_on


def regime_date(first_aware_on: dt.date | None, received_on: dt.date) -> dt.date:
    """The date the regime counts from: when the complaint was made or the matter came to the
    force's attention (SI 2020/5 reg. 3(1)). When it is not recorded, the date of receipt: the
    matter was known to the force by then at the latest."""
    return first_aware_on if first_aware_on is not None else received_on


def referral_regime(first_aware_on: dt.date | None, received_on: dt.date, reason: str) -> str:
    """The referral's regime: its date's, unless a reason of SI 2020/5 reg. 3 moves it."""
    return regime_of(regime_date(first_aware_on, received_on), reason)


def regime_reason_applies(
    first_aware_on: dt.date | None, received_on: dt.date, reason: str
) -> bool:
    """No reason, or one that moves the matter off its date's regime (SI 2020/5 reg. 3)."""
    return not reason or reason_applies(regime_date(first_aware_on, received_on), reason)


def modes_for_regime(regime: str) -> tuple[str, ...]:
    """The modes of investigation the regime allows, in the order the pages offer them."""
    return REGIME_MODES[regime]


def mode_allowed(mode: str, regime: str) -> bool:
    """Directed only under the 2020 regime; supervised and managed only under the old one
    (Sch. 3 para. 15(4) before and after the Policing and Crime Act 2017 amendments)."""
    return mode in REGIME_MODES[regime]


def referral_type_allowed(matter_type: str, referral_type: str) -> bool:
    """A DSI matter is always a mandatory referral: the appropriate authority must refer every
    DSI matter (Police Reform Act 2002 Sch. 3 para. 14C(1)), so it is never voluntary. (The
    oversight body may still treat one as referred, "called in", under para. 14CA.)"""
    return not (matter_type == DSI and referral_type == VOLUNTARY)


# The statutory order of the 2020 regime (Sch. 3 para. 15(4A)-(4C), inserted by the Policing
# and Crime Act 2017 Sch. 5 para. 15(6)): first whether a local investigation (by the
# appropriate authority on its own behalf) is appropriate, having regard to the seriousness
# of the case and the public interest; if not, an independent investigation, unless one
# directed by the oversight body is more appropriate. Each mode passed over needs its reason.
# Before the reforms para. 15(3) asked only for regard to seriousness and the public interest,
# with no order, so nothing is required there.
WHY_NOT_LOCAL = "why_not_local"
WHY_NOT_INDEPENDENT = "why_not_independent"
PASSED_OVER = {
    "local": (),
    "independent": (("local", WHY_NOT_LOCAL),),
    "directed": (("local", WHY_NOT_LOCAL), ("independent", WHY_NOT_INDEPENDENT)),
}


def order_reasons_needed(mode: str, regime: str) -> tuple[str, ...]:
    """The reasons the decision must give, one for each mode earlier in the statutory order
    that it passes over (para. 15(4A)-(4C)): why not local for an independent or directed
    investigation, and also why directed rather than independent for a directed one."""
    if regime != POST_2020:
        return ()
    return tuple(field for _, field in PASSED_OVER.get(mode, ()))


def order_reason_problems(mode: str, regime: str, reasons: dict[str, str]) -> dict[str, str]:
    """{reason field: "required"} for a reason the order needs and lacks, and
    {reason field: "not_applicable"} for one given about a mode not passed over."""
    needed = order_reasons_needed(mode, regime)
    problems = {}
    for field in (WHY_NOT_LOCAL, WHY_NOT_INDEPENDENT):
        given = bool((reasons.get(field) or "").strip())
        if field in needed and not given:
            problems[field] = "required"
        elif field not in needed and given:
            problems[field] = "not_applicable"
    return problems


def statutory_order(
    mode: str, regime: str, reasons: dict[str, str], reason: str
) -> list[dict[str, object]]:
    """The decision as the steps of the statutory order it went through: each mode considered,
    whether it was found appropriate, and why. Under the old regime, or when no investigation
    is necessary, only the mode chosen."""
    steps: list[dict[str, object]] = []
    if regime == POST_2020:
        for passed, field in PASSED_OVER.get(mode, ()):
            steps.append({"mode": passed, "appropriate": False, "reason": reasons.get(field, "")})
    steps.append({"mode": mode, "appropriate": True, "reason": reason})
    return steps
