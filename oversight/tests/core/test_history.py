"""oversight.core.history: readable entries, related values by name, and a number of queries that
does not grow with the history. (Deletions: cases/tests/test_investigation_services.py.)"""

import datetime as dt

import pytest

from cases.referrals import services
from cases.referrals.rules import order_reasons_needed
from cases.referrals.selectors import referral_history

MODES = ["local", "no_investigation", "directed", "independent"]


def logged(caseworker, herts, today):
    return services.referral_create(
        actor=caseworker,
        organisation=herts,
        received_on=dt.date(2024, 6, 3),
        matter_type="dsi",
        referral_type="mandatory",
        categories=["death_or_serious_injury"],
        summary="Man found unresponsive in a cell.",
        today=today,
    )


def decide(referral, people, times, today):
    for index in range(times):
        referral.refresh_from_db()
        services.referral_decide(
            actor=people[index % len(people)],
            referral=referral,
            mode=MODES[index % len(MODES)],
            decided_on=today,
            reason=f"Decision {index + 1}",
            today=today,
            # The statutory order's reasons, for the modes passed over (Sch. 3 para. 15(4A)).
            **dict.fromkeys(
                order_reasons_needed(MODES[index % len(MODES)], "post_2020"), "Passed over."
            ),
        )


@pytest.mark.django_db
def test_related_values_show_by_name_in_a_fixed_number_of_queries(
    caseworker,
    manager,
    herts,
    met,
    today,
    django_assert_max_num_queries,
    django_assert_num_queries,
):
    short, long = logged(caseworker, herts, today), logged(caseworker, met, today)
    decide(short, [caseworker], 1, today)
    decide(long, [caseworker, manager], 8, today)
    with django_assert_max_num_queries(5) as few:
        referral_history(referral=short)
    with django_assert_num_queries(len(few)):
        referral_history(referral=long)
    entries = referral_history(referral=long)
    recorded = entries[0]
    assert (recorded.who, recorded.what) == (caseworker.display_name, "Referral recorded")
    assert ("Force", "—", met.name) in [(c.field, c.old, c.new) for c in recorded.changes]
    deciders = {
        c.new
        for e in entries
        for c in e.changes
        if e.what == "Determination recorded"
        if c.field == "Decided by"
    }
    assert deciders == {caseworker.display_name, manager.display_name}
