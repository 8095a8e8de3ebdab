"""The outcomes migration: unsatisfactory performance and reflective practice, once outcome
values, become no case to answer with that consequence; nothing is lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cases.tests.factories import InvestigationFactory

BEFORE = [("cases", "0007_referral_regime_and_statutory_order")]
AFTER = [("cases", "0008_outcome_consequences_and_lists")]


@pytest.mark.django_db(transaction=True)
def test_old_outcome_values_become_no_case_to_answer_with_the_consequence():
    investigation = InvestigationFactory()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Subject = apps.get_model("cases", "Subject")
    Allegation = apps.get_model("cases", "Allegation")
    subject = Subject.objects.create(
        investigation_id=investigation.pk,
        name="Alex Smith",
        organisation_id=investigation.referral.organisation_id,
    )
    rows = [
        ("a", "unsatisfactory_performance", "reflective_practice"),
        ("b", "reflective_practice", ""),
        ("c", "misconduct", "misconduct"),
        ("d", "no_case_to_answer", "unsatisfactory_performance"),
    ]
    for description, opinion, determination in rows:
        Allegation.objects.create(
            investigation_id=investigation.pk,
            subject_id=subject.pk,
            description=description,
            investigator_opinion=opinion,
            force_determination=determination,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    Migrated = executor.loader.project_state(AFTER).apps.get_model("cases", "Allegation")
    got = {
        a.description: (
            a.investigator_opinion,
            a.investigator_consequence,
            a.force_determination,
            a.force_consequence,
        )
        for a in Migrated.objects.all()
    }
    assert got == {
        "a": (
            "no_case_to_answer",
            "unsatisfactory_performance",
            "no_case_to_answer",
            "reflective_practice",
        ),
        "b": ("no_case_to_answer", "reflective_practice", "", ""),
        "c": ("misconduct", "", "misconduct", ""),
        "d": ("no_case_to_answer", "", "no_case_to_answer", "unsatisfactory_performance"),
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
