"""The 2020 transition: which complaints regime a matter is under.

The Policing and Crime Act 2017 reforms (in force 1 February 2020) apply to a complaint made,
or a conduct or DSI matter that came to the appropriate authority's attention, on or after
that day. SI 2020/5 reg. 3 and SI 2020/2 reg. 2 make the exceptions: a new matter that relates
to an earlier (pre-commencement) one still being handled under Schedule 3 stays under the old
regime (reg. 3(1)(b)); a re-investigation under section 13B, or a direction under section 28A
made on or after the day, brings a matter under the new one whatever its date (reg. 3(2)).
Pure: no ORM and no clock; the apps store the answer as `regime` with its `regime_reason`.
"""

import datetime as dt

from django.db import models

REFORM_DATE = dt.date(2020, 2, 1)

PRE_2020 = "pre_2020"
POST_2020 = "post_2020"

LINKED_TO_EARLIER_MATTER = "linked_to_earlier_matter"
REINVESTIGATION = "reinvestigation"
OLD_CASE_DIRECTION = "old_case_direction"


class Regime(models.TextChoices):
    PRE_2020 = PRE_2020, "Before the 2020 reforms"
    POST_2020 = POST_2020, "The 2020 reforms"


class RegimeReason(models.TextChoices):
    """Why a matter is under a regime other than its date's (SI 2020/5 reg. 3)."""

    LINKED_TO_EARLIER_MATTER = (
        LINKED_TO_EARLIER_MATTER,
        "Linked to an earlier matter still being handled under the old regime",
    )
    REINVESTIGATION = REINVESTIGATION, "Re-investigation under section 13B"
    OLD_CASE_DIRECTION = OLD_CASE_DIRECTION, "Direction under section 28A (old cases)"


# The regime each reason puts a matter under, whatever its date.
REASON_REGIME = {
    LINKED_TO_EARLIER_MATTER: PRE_2020,
    REINVESTIGATION: POST_2020,
    OLD_CASE_DIRECTION: POST_2020,
}


def regime_by_date(started_on: dt.date) -> str:
    """SI 2020/5 reg. 3(1)(a): the old regime before 1 February 2020, the new one from it.
    `started_on` is when the complaint was made or the matter came to attention."""
    return PRE_2020 if started_on < REFORM_DATE else POST_2020


def regime_of(started_on: dt.date, reason: str = "") -> str:
    """The matter's regime: its date's, unless a reason of SI 2020/5 reg. 3 says otherwise."""
    return REASON_REGIME[reason] if reason else regime_by_date(started_on)


def reason_applies(started_on: dt.date, reason: str) -> bool:
    """A reason only moves a matter off its date's regime: a post-2020 complaint cannot be
    'linked to an earlier matter' into the new regime it is already under, and so on."""
    return REASON_REGIME[reason] != regime_by_date(started_on)
