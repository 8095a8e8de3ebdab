"""The regime migration: every existing referral gets the regime of its date, nothing lost."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cases.referrals import rules

BEFORE = [("cases", "0006_investigation_search_indexes")]
AFTER = [("cases", "0007_referral_regime_and_statutory_order")]


@pytest.mark.django_db(transaction=True)
def test_existing_referrals_get_the_regime_of_their_date(herts, caseworker):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    Referral = old_apps.get_model("cases", "Referral")
    rows = [
        ("REF-2019-000001", dt.date(2020, 1, 10), dt.date(2020, 1, 31)),
        ("REF-2020-000001", dt.date(2020, 2, 3), dt.date(2020, 2, 1)),
        ("REF-2020-000002", dt.date(2020, 1, 31), None),  # received before, aware unknown
        ("REF-2020-000003", dt.date(2020, 2, 3), None),
    ]
    for reference, received_on, aware in rows:
        Referral.objects.create(
            reference=reference,
            organisation_id=herts.pk,
            received_on=received_on,
            first_aware_on=aware,
            matter_type="complaint",
            referral_type="voluntary",
            summary="Kept as it was.",
            decision_due_on=received_on,
            created_by_id=caseworker.pk,
            updated_by_id=caseworker.pk,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    Migrated = executor.loader.project_state(AFTER).apps.get_model("cases", "Referral")
    got = {r.reference: (r.regime, r.regime_reason, r.summary) for r in Migrated.objects.all()}
    assert got == {
        reference: (rules.referral_regime(aware, received_on, ""), "", "Kept as it was.")
        for reference, received_on, aware in rows
    }
    assert [got[r][0] for r, _, _ in rows] == ["pre_2020", "post_2020", "pre_2020", "post_2020"]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
