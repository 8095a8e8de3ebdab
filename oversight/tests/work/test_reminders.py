"""Reminder emails (manage.py send_reminders and the daily beat task): each active member of
staff with an email address gets one email of the duties on their own cases overdue or due
within 5 working days, with links to the cases and no personal data; in a fixed number of
queries whatever the number of people."""

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.tests.factories import InvestigationFactory, ReferralFactory
from learning.tests.factories import OverdueRecommendationFactory, RespondedRecommendationFactory
from oversight.celery import app
from oversight.tests.celery_helpers import wait_for
from oversight.tests.core.casework.factories import PartyFactory
from oversight.tests.factories import CaseworkerFactory, ManagerFactory
from oversight.work import rules
from oversight.work.reminders import reminders_send
from oversight.work.tasks import send_reminders

D = dt.date
# A Thursday before the spring bank holiday (Monday 27 May): the horizon of 5 working days is
# Friday 31 May; Monday 3 June is the sixth working day.
TODAY = D(2024, 5, 23)
SITE = "https://oversight.example.org"
ROOT = Path(__file__).resolve().parents[3]
TASK = "oversight.work.tasks.send_reminders"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def referral_due(owner, due_on, **kwargs):
    return ReferralFactory(owner=owner, decision_due_on=due_on, **kwargs)


@pytest.mark.django_db
def test_a_caseworker_gets_one_email_of_overdue_and_due_soon_duties_with_links(herts):
    casey = CaseworkerFactory(username="casey", email="casey@example.org")
    overdue = referral_due(casey, D(2024, 5, 21), organisation=herts)
    soon = referral_due(casey, D(2024, 5, 29), organisation=herts)  # 3 working days
    later = referral_due(casey, D(2024, 6, 3), organisation=herts)  # 6 working days
    referral_due(None, D(2024, 5, 20), organisation=herts)  # unallocated: nobody's

    assert reminders_send(today=TODAY) == 1

    [email] = mail.outbox
    assert email.to == ["casey@example.org"]
    assert email.from_email == settings.DEFAULT_FROM_EMAIL
    assert email.subject == "Your work: 1 overdue, 1 due in the next 5 working days"
    body = email.body
    label = rules.DUTIES[rules.MODE_DECISION]
    assert f"- {label}: {overdue.reference}, due 21 May 2024" in body
    assert f"{SITE}/referrals/{overdue.reference}/" in body
    assert f"- {label}: {soon.reference}, due 29 May 2024" in body
    assert f"{SITE}/referrals/{soon.reference}/" in body
    assert body.index(overdue.reference) < body.index(soon.reference)
    assert later.reference not in body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert f'href="{SITE}/referrals/{soon.reference}/"' in html


@pytest.mark.django_db
def test_each_kind_of_case_links_to_its_staff_page(herts):
    casey = CaseworkerFactory(username="casey", email="casey@example.org")
    investigation = InvestigationFactory(owner=casey)
    recommendation = OverdueRecommendationFactory(owner=casey, recipient=herts)
    # The notice is due a year on: look from just before it.
    today = investigation.next_notice_due_on - dt.timedelta(days=1)

    assert reminders_send(today=today) == 1

    body = mail.outbox[0].body
    assert f"{SITE}/investigations/{investigation.reference}/" in body
    assert f"{SITE}/recommendations/{recommendation.reference}/" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("due_on", "listed"),
    [
        (D(2024, 5, 31), True),  # the fifth working day (past the bank holiday)
        (D(2024, 6, 1), False),  # the Saturday after it
        (D(2024, 6, 3), False),  # the sixth working day
    ],
)
def test_a_duty_is_listed_up_to_the_fifth_working_day(herts, due_on, listed):
    casey = CaseworkerFactory(username="casey", email="casey@example.org")
    referral = referral_due(casey, due_on, organisation=herts)

    assert reminders_send(today=TODAY) == int(listed)
    assert [referral.reference in e.body for e in mail.outbox] == ([True] if listed else [])


@pytest.mark.django_db
def test_nobody_without_an_address_inactive_or_with_nothing_due_gets_one(herts):
    for user in [
        CaseworkerFactory(username="no-address", email=""),
        CaseworkerFactory(username="gone", email="gone@example.org", is_active=False),
    ]:
        referral_due(user, D(2024, 5, 21), organisation=herts)
    idle = CaseworkerFactory(username="idle", email="idle@example.org")
    referral_due(idle, D(2024, 6, 10), organisation=herts)  # not due yet

    assert reminders_send(today=TODAY) == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_email_names_no_one(herts):
    casey = CaseworkerFactory(
        username="casey", email="casey@example.org", first_name="Cassandra", last_name="Wright"
    )
    name = "Zebedee Quartermaine"
    referral = referral_due(
        casey, D(2024, 5, 21), organisation=herts, summary=f"{name} complains of an arrest."
    )
    PartyFactory(referral=referral, name=name, email="zebedee@example.org")

    reminders_send(today=TODAY)

    [email] = mail.outbox
    html = email.alternatives[0][0]
    assert referral.reference in email.body
    assert referral.reference in html
    # Not the party, not the case's summary, not the member of staff, and not even the force
    # (the worklist's summary names it): only the duty's label.
    personal = ["Zebedee", "Quartermaine", "zebedee@", "arrest", "Cassandra", "Hertfordshire"]
    for text in (email.subject, email.body, html):
        assert [word for word in personal if word in text] == []


def cases_for(owner, herts):
    referral_due(owner, D(2024, 5, 21), organisation=herts)
    referral_due(owner, D(2024, 5, 29), organisation=herts)
    InvestigationFactory(owner=owner)
    OverdueRecommendationFactory(owner=owner, recipient=herts)
    RespondedRecommendationFactory(owner=owner, recipient=herts)


@pytest.mark.django_db
def test_the_queries_do_not_grow_with_the_people_or_their_cases(
    herts, django_assert_max_num_queries, django_assert_num_queries
):
    cases_for(CaseworkerFactory(email="one@example.org"), herts)
    # The people, the closures, and one query per kind of duty (work_items).
    with django_assert_max_num_queries(12) as small:
        assert reminders_send(today=TODAY) == 1

    mail.outbox.clear()
    for n in range(6):
        person = (ManagerFactory if n % 2 else CaseworkerFactory)(email=f"p{n}@example.org")
        cases_for(person, herts)
        cases_for(person, herts)
    with django_assert_num_queries(len(small)):
        assert reminders_send(today=TODAY) == 7
    assert len(mail.outbox) == 7


@pytest.mark.django_db
def test_send_reminders_command_sends_them_as_on_the_date_given(herts):
    casey = CaseworkerFactory(username="casey", email="casey@example.org")
    referral = referral_due(casey, D(2024, 5, 31), organisation=herts)
    out = io.StringIO()

    call_command("send_reminders", "--date", "2024-05-23", stdout=out)

    assert out.getvalue() == "Sent 1 reminder.\n"
    assert referral.reference in mail.outbox[0].body
    out = io.StringIO()
    call_command("send_reminders", "--date", "2024-06-04", stdout=out)  # overdue by then
    assert out.getvalue() == "Sent 1 reminder.\n"
    out = io.StringIO()
    CaseworkerFactory(username="other", email="other@example.org")
    call_command("send_reminders", "--date", "2024-05-01", stdout=out)  # not yet due
    assert out.getvalue() == "Sent 0 reminders.\n"


@pytest.mark.django_db
def test_send_reminders_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="--date must be YYYY-MM-DD"):
        call_command("send_reminders", "--date", "23/05/2024")


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_reminders_when_the_task_is_queued(redis_app, herts):
    casey = CaseworkerFactory(username="casey", email="casey@example.org")
    referral = referral_due(casey, D(2024, 5, 21), organisation=herts)

    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
        send_reminders.delay(TODAY.isoformat())
        sent = wait_for(lambda: len(mail.outbox) == 1)

    # The email itself is the result; the task's return value is the command's test.
    assert sent, "the worker sent no reminder"
    assert mail.outbox[0].to == ["casey@example.org"]
    assert referral.reference in mail.outbox[0].body


def test_beat_sends_the_reminders_every_morning():
    entry = settings.CELERY_BEAT_SCHEDULE["reminders-daily"]
    assert entry["task"] == TASK
    schedule = entry["schedule"]
    assert (schedule.hour, schedule.minute) == ({7}, {0})
    assert schedule.day_of_week == set(range(7))
    assert settings.CELERY_TIMEZONE == "Europe/London"
    assert TASK in app.tasks


def test_a_worker_discovers_the_reminders_task():
    """In a fresh process, as a worker starts: the task is found by autodiscovery alone."""
    script = (
        "import django; django.setup()\n"
        "from oversight.celery import app\n"
        "app.loader.import_default_modules()\n"
        f"print({TASK!r} in app.tasks)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "oversight.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.stdout.strip().splitlines()[-1:] == ["True"], done.stderr
