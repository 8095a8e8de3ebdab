"""seed_demo: runs, is deterministic, passes every model check and rule, near the ratios."""

import datetime as dt
import os
import subprocess
import sys
import threading
from itertools import pairwise

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count

from appeals import rules as appeal_rules
from appeals.models import Application
from cases.investigations import rules as investigation_rules
from cases.models import (
    Allegation,
    Determination,
    Investigation,
    Referral,
    StatusChange,
    StatutoryNotice,
    Subject,
)
from cases.referrals import rules as referral_rules
from cases.referrals.services import referral_create
from learning import rules as learning_rules
from learning import selectors as learning_selectors
from learning.models import PlannedAction, Recommendation, RecommendationResponse
from oversight.core.casework.models import Contact, Party
from oversight.core.models import (
    STAFF_ROLES,
    NonWorkingDay,
    Organisation,
    ReferenceCounter,
    User,
)
from oversight.demo import runner, volumes
from oversight.performance.models import Target
from oversight.tests.helpers import database_url

TODAY = dt.date(2024, 6, 3)
TINY = ["--scale", "0.02", "--first-year", "2022", "--today", TODAY.isoformat()]


def seed(**kwargs):
    return runner.seed(**{"scale": 0.02, "first_year": 2022, "today": TODAY, **kwargs})


def fingerprint():
    return {
        "referrals": list(
            Referral.objects.order_by("reference").values_list(
                "reference", "received_on", "organisation__code", "mode", "decided_on"
            )
        ),
        "investigations": list(
            Investigation.objects.order_by("reference").values_list(
                "reference", "started_on", "completed_on"
            )
        ),
        "applications": list(
            Application.objects.order_by("reference").values_list("reference", "result")
        ),
        "recommendations": list(
            Recommendation.objects.order_by("reference").values_list("reference", "status")
        ),
    }


def wipe():
    Contact.objects.all().delete()
    Party.objects.filter(acting_for__isnull=False).delete()
    Party.objects.all().delete()
    Recommendation.objects.all().delete()
    Application.objects.all().delete()
    Investigation.objects.all().delete()
    Referral.objects.all().delete()
    ReferenceCounter.objects.all().delete()


@pytest.mark.django_db
def test_command_seeds_then_refuses_a_database_with_case_data(capsys):
    call_command("seed_demo", *TINY)
    assert Referral.objects.exists()
    assert Application.objects.exists()
    assert "2023-24" in capsys.readouterr().err  # progress, a line per year
    # The load skips the insert-history triggers (the command's help says so).
    assert not apps.get_model("cases", "ReferralEvent").objects.exists()
    assert not apps.get_model("appeals", "ApplicationEvent").objects.exists()
    with pytest.raises(CommandError, match=runner.NOT_EMPTY):
        call_command("seed_demo", *TINY)
    # The published target for each demo year, for the dashboard to measure against.
    target = Target.objects.get(
        financial_year="2023-24", metric="investigations.within_12_months_rate"
    )
    assert float(target.percentage) == 85.0


@pytest.mark.django_db
def test_same_seed_same_data_and_another_seed_differs():
    seed(seed=7)
    first = fingerprint()
    wipe()
    seed(seed=7)
    assert fingerprint() == first
    assert first["referrals"][0][0] == "REF-2022-000001"
    wipe()
    seed(seed=8)
    assert fingerprint() != first


@pytest.mark.django_db
def test_demo_users_are_created_only_when_there_are_no_staff():
    seed()
    demo = User.objects.filter(username__startswith="demo.caseworker")
    assert demo.count() == runner.DEMO_USERS
    assert not any(user.has_usable_password() for user in demo)


@pytest.mark.django_db
def test_existing_staff_are_the_demo_caseworkers(caseworker, liaison):
    seed()
    assert not User.objects.filter(username__startswith="demo.").exists()
    assert set(Referral.objects.values_list("created_by", flat=True)) == {caseworker.pk}
    assert set(Investigation.objects.values_list("lead_investigator", flat=True)) == {
        caseworker.pk
    }


@pytest.mark.django_db
def test_every_row_passes_full_clean():
    NonWorkingDay.objects.create(date=dt.date(2023, 12, 27), description="Office closed")
    seed()
    models = [
        Referral,
        Determination,
        Investigation,
        StatusChange,
        Subject,
        Allegation,
        StatutoryNotice,
        Application,
        Recommendation,
        RecommendationResponse,
        Party,
        Contact,
    ]
    for model in models:
        rows = list(model.objects.all())
        assert rows, model
        for row in rows:
            row.full_clean()


@pytest.mark.django_db
def test_derived_fields_follow_the_apps_rules():
    closed = {dt.date(2023, 12, 27)}
    NonWorkingDay.objects.create(date=dt.date(2023, 12, 27), description="Office closed")
    seed()
    days = settings.REFERRAL_DECISION_WORKING_DAYS
    for r in Referral.objects.all():
        assert r.decision_due_on == referral_rules.decision_due_on(r.received_on, days, closed)
        assert r.first_aware_on <= r.received_on <= TODAY
        assert (r.decided_on is None) == (r.mode == "")
        if r.referral_type == "mandatory":
            assert r.categories
    for r in Referral.objects.prefetch_related("determinations"):
        made = sorted(r.determinations.all(), key=lambda d: (d.decided_on, d.id))
        if r.decided_on is None:
            assert not made
            continue
        # The first decision counts for the target; the latest gives the mode.
        assert (made[0].decided_on, made[-1].mode) == (r.decided_on, r.mode)
        assert all(a.mode != b.mode and a.decided_on <= b.decided_on for a, b in pairwise(made))
        assert r.regime == referral_rules.referral_regime(r.first_aware_on, r.received_on, "")
        assert all(referral_rules.mode_allowed(d.mode, r.regime) for d in made)
        assert not any(
            referral_rules.order_reason_problems(
                d.mode,
                r.regime,
                {"why_not_local": d.why_not_local, "why_not_independent": d.why_not_independent},
            )
            for d in made
        )
        assert r.matter_type != "dsi" or r.referral_type != "voluntary"
    for inv in Investigation.objects.select_related("referral").prefetch_related(
        "status_changes", "notices", "subjects__allegations"
    ):
        assert inv.mode == inv.referral.mode
        assert inv.mode in {"independent", "directed", "managed"}
        assert inv.mode_decided_on == inv.referral.decided_on <= inv.started_on <= TODAY
        steps = [c.status for c in inv.status_changes.all()]
        assert steps[0] == "started"
        assert steps[-1] == inv.status
        assert all(
            investigation_rules.can_move(a, b) for a, b in zip(steps, steps[1:], strict=False)
        )
        given = {n.due_on for n in inv.notices.all()}
        assert inv.next_notice_due_on == investigation_rules.next_notice_due(
            inv.first_aware_on, given
        )
        if inv.completed_on:
            people = [
                (s.name, [a.investigator_opinion for a in s.allegations.all()])
                for s in inv.subjects.all()
            ]
            assert not investigation_rules.people_without_outcome(people)
    for app in Application.objects.all():
        assert app.kind == appeal_rules.application_kind(app.complaint_made_on)
        assert app.apply_by == appeal_rules.apply_by(app.outcome_notified_on)
        assert app.made_in_time == appeal_rules.made_in_time(
            app.outcome_notified_on, app.received_on, app.first_received_on
        )
        if app.status == "forwarded":
            to = app.organisation if app.kind == "appeal" else app.organisation.local_policing_body
            assert app.forwarded_to == to
        assert app.reference.startswith(appeal_rules.reference_prefix(app.kind))
        assert appeal_rules.subject_allowed(app.subject, app.kind)
        if app.is_valid is not None:
            assert not appeal_rules.validity_problems(
                is_valid=app.is_valid,
                invalid_reason=app.invalid_reason,
                in_time=app.made_in_time,
                special_circumstances=app.special_circumstances,
                applicant=app.applicant,
            )
        if app.result == "upheld":
            assert app.follow_up
    recommendations = Recommendation.objects.exclude(status="draft").select_related(
        "theme", "source_investigation", "source_application"
    )
    for rec in recommendations.prefetch_related("extensions"):
        expected = learning_rules.response_due_on(rec.issued_on) if rec.is_statutory else None
        for extension in rec.extensions.all():
            assert extension.previous_due_on == expected
            assert learning_rules.extension_request_in_time(extension.requested_on, expected)
            assert extension.requested_on <= TODAY
            expected = extension.new_due_on
        assert rec.response_due_on == expected
        assert learning_rules.source_reference_valid(rec.source_kind, rec.source_reference)
        # Its theme is one of the thematic areas, and its source a record it links to.
        assert rec.theme.is_active
        assert rec.theme_text == ""
        record = rec.source_record
        assert (record.reference if record else "") == rec.source_reference
    for resp in RecommendationResponse.objects.select_related("recommendation"):
        if resp.publication_decision:
            expected = learning_rules.publication_due_after_decision(
                resp.publication_decision, resp.publication_decided_on
            )
        else:
            expected = learning_rules.publication_due_on(
                resp.received_on,
                is_statutory=resp.recommendation.is_statutory,
                is_final=resp.is_final,
                representations_made=bool(resp.representations),
            )
        assert resp.publish_by == expected


@pytest.mark.django_db
def test_ratios_are_near_the_published_ones():
    seed(scale=0.3, first_year=2021)
    # 2023-24: the slowest investigations completed in it started after the first year.
    year = (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    decided = Referral.objects.filter(decided_on__range=year)
    within = sum(r.decided_within_target for r in decided)
    assert within / decided.count() == pytest.approx(volumes.DECIDED_WITHIN_TARGET, abs=0.04)
    received = Referral.objects.filter(received_on__range=year).count()
    assert received == pytest.approx(volumes.per_year("referrals", 2023) * 0.3, rel=0.01)
    core = Investigation.objects.filter(is_major=False, completed_on__range=year)
    six = sum(i.within_6_months for i in core) / core.count()
    twelve = sum(i.within_12_months for i in core) / core.count()
    assert core.count() == pytest.approx(700 * 0.3, rel=0.25)
    assert six == pytest.approx(volumes.CORE_WITHIN_6_MONTHS, abs=0.1)
    assert 0.78 <= twelve <= 0.95
    apps = Application.objects.filter(decided_on__range=year)
    upheld = apps.filter(result="upheld").count() / apps.count()
    assert upheld == pytest.approx(volumes.UPHELD_SHARE, abs=0.05)
    responded = Recommendation.objects.filter(learning_selectors.responded_q())
    accepted = responded.filter(status__in=learning_rules.ACCEPTED_STATUSES).count()
    assert accepted / responded.count() == pytest.approx(volumes.ACCEPTED_SHARE, abs=0.06)


@pytest.mark.django_db
def test_volumes_follow_officer_strength():
    seed(scale=0.2)
    big = Organisation.objects.get(code="metropolitan-police-service")
    small = Organisation.objects.order_by("officer_strength").filter(
        officer_strength__isnull=False, kind="territorial_force"
    )[0]
    assert big.referrals.count() > 5 * max(1, small.referrals.count())


@pytest.mark.django_db
def test_the_normal_create_service_continues_the_sequence():
    seed()
    last = Referral.objects.filter(reference__startswith="REF-2024-").order_by("-reference")[0]
    referral = referral_create(
        actor=User.objects.first(),
        organisation=Organisation.objects.first(),
        received_on=TODAY,
        matter_type="complaint",
        referral_type="voluntary",
        categories=[],
        summary="A new referral after the demo data.",
        today=TODAY,
    )
    assert referral.reference == f"REF-2024-{int(last.reference[-6:]) + 1:06d}"


@pytest.mark.django_db
def test_the_rarer_records_appear_and_follow_the_rules():
    """Over the years from 2019-20: legacy modes before February 2020, decisions made again,
    extensions of statutory response dates, and planned actions of accepting responses."""
    counts = seed(scale=0.1, first_year=2019)
    assert counts["determinations"] > counts["referrals"] * 0.9
    legacy = Referral.objects.filter(mode__in=["managed", "supervised"])
    assert legacy.exists()
    assert not legacy.exclude(regime="pre_2020").exists()
    assert not Referral.objects.filter(regime="pre_2020", mode="directed").exists()
    assert Investigation.objects.filter(mode="managed").exists()
    again = Referral.objects.annotate(made=Count("determinations")).filter(made__gt=1)
    assert again.exists()
    assert counts["extensions"] > 0
    assert counts["planned actions"] > 0
    for action in PlannedAction.objects.select_related("response"):
        assert action.response.status in learning_rules.IMPLEMENTABLE_STATUSES
        assert action.due_on > action.response.received_on


@pytest.mark.django_db
def test_most_cases_have_an_owner_among_the_staff_and_some_are_unallocated():
    seed()
    staff = set(User.objects.filter(role__in=STAFF_ROLES).values_list("pk", flat=True))
    owners = []
    for model in (Referral, Investigation, Application, Recommendation):
        of_model = list(model.objects.values_list("owner_id", flat=True))
        assert any(of_model), model
        owners += of_model
    allocated = [owner for owner in owners if owner is not None]
    assert 0.75 < len(allocated) / len(owners) < 0.95
    assert set(allocated) <= staff


@pytest.mark.django_db
def test_most_investigations_have_a_complainant_or_a_family_and_a_few_contacts():
    seed()
    investigations = list(Investigation.objects.all())
    with_people = Investigation.objects.filter(parties__isnull=False).distinct().count()
    assert with_people / len(investigations) > 0.75
    roles = set(Party.objects.values_list("role", flat=True))
    assert roles == set(Party.Role.values)
    for rep in Party.objects.filter(role=Party.Role.REPRESENTATIVE).select_related("acting_for"):
        case = "investigation_id" if rep.investigation_id else "referral_id"
        if rep.application_id:
            case = "application_id"
        assert getattr(rep.acting_for, case) == getattr(rep, case)
    # Each investigation's parties are its referral's, carried over.
    for inv in Investigation.objects.filter(parties__isnull=False).distinct()[:20]:
        assert sorted(inv.parties.values_list("name", flat=True)) == sorted(
            inv.referral.parties.values_list("name", flat=True)
        )
    assert Contact.objects.filter(investigation__isnull=False).exists()
    for contact in Contact.objects.select_related("party")[:200]:
        assert contact.on <= TODAY
        assert contact.party.investigation_id == contact.investigation_id


@pytest.mark.django_db(transaction=True)
def test_a_second_concurrent_run_stops_at_once_writing_nothing():
    """A run under way (here a thread holding the seed's lock in its own connection) makes a
    second `manage.py seed_demo`, in another process, exit non-zero with a clear message."""
    locked, release = threading.Event(), threading.Event()

    def first_run():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [runner.SEED_LOCK_KEY])
                locked.set()
                release.wait(timeout=120)
        finally:
            connection.close()

    holder = threading.Thread(target=first_run)
    holder.start()
    try:
        assert locked.wait(timeout=60)
        second = subprocess.run(
            [sys.executable, "manage.py", "seed_demo", *TINY],
            cwd=settings.BASE_DIR,
            env={**os.environ, "DATABASE_URL": database_url(), "ENV_FILE": os.devnull},
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        release.set()
        holder.join()
    assert second.returncode == 1, second.stdout + second.stderr
    assert runner.ALREADY_RUNNING in second.stderr
    assert not Referral.objects.exists()
    assert not User.objects.exists()
    assert not Target.objects.exists()
