"""SI 2020/5 reg. 3 and SI 2020/2 reg. 2: the regime a matter is under."""

import datetime as dt

import pytest

from oversight.core import regime

LAST_OLD_DAY = dt.date(2020, 1, 31)
FIRST_NEW_DAY = dt.date(2020, 2, 1)


def test_regime_by_date_changes_on_1_february_2020():
    assert regime.regime_by_date(LAST_OLD_DAY) == regime.PRE_2020
    assert regime.regime_by_date(FIRST_NEW_DAY) == regime.POST_2020


def test_linked_to_earlier_matter_keeps_a_2020_matter_under_the_old_regime():
    assert regime.regime_of(FIRST_NEW_DAY, regime.LINKED_TO_EARLIER_MATTER) == regime.PRE_2020


@pytest.mark.parametrize("reason", [regime.REINVESTIGATION, regime.OLD_CASE_DIRECTION])
def test_reinvestigation_or_section_28a_direction_brings_an_old_matter_under_the_new_regime(
    reason,
):
    assert regime.regime_of(LAST_OLD_DAY, reason) == regime.POST_2020


def test_without_a_reason_the_date_decides():
    assert regime.regime_of(LAST_OLD_DAY) == regime.PRE_2020
    assert regime.regime_of(FIRST_NEW_DAY, "") == regime.POST_2020


@pytest.mark.parametrize(
    ("started_on", "reason", "applies"),
    [
        (FIRST_NEW_DAY, regime.LINKED_TO_EARLIER_MATTER, True),
        (LAST_OLD_DAY, regime.LINKED_TO_EARLIER_MATTER, False),
        (LAST_OLD_DAY, regime.REINVESTIGATION, True),
        (FIRST_NEW_DAY, regime.REINVESTIGATION, False),
        (FIRST_NEW_DAY, regime.OLD_CASE_DIRECTION, False),
    ],
)
def test_a_regime_reason_applies_only_against_the_date(started_on, reason, applies):
    assert regime.reason_applies(started_on, reason) is applies


def test_every_reason_has_a_label_and_a_regime():
    assert set(regime.REASON_REGIME) == set(regime.RegimeReason.values)
