import datetime as dt

import pytest
import time_machine

from cases.tests.factories import (
    DecidedReferralFactory,
    ReferralFactory,
    UnderInvestigationFactory,
)
from learning.tests.factories import OverdueRecommendationFactory
from oversight.performance.models import Target, TimelinessRun
from oversight.performance.snapshots import timeliness_compute

pytestmark = pytest.mark.django_db
URL = "/performance/"


@pytest.fixture
def signed_in(client, manager):
    client.force_login(manager)
    return client


def test_only_managers_see_the_dashboard(client, caseworker, liaison, manager, admin_user):
    for user, status in [(caseworker, 404), (liaison, 404), (manager, 200), (admin_user, 200)]:
        client.force_login(user)
        assert client.get(URL).status_code == status, user.role
    client.logout()
    assert client.get(URL).status_code == 302


def test_before_any_computation_the_page_says_so(signed_in):
    content = signed_in.get(URL).content.decode()
    assert "Figures have not been computed yet." in content
    assert "Against target" not in content


def test_a_year_without_data_says_so(signed_in, herts):
    DecidedReferralFactory(organisation=herts, received_on=dt.date(2019, 5, 1))
    timeliness_compute(today=dt.date(2024, 6, 3))
    content = signed_in.get(URL, {"financial_year": "2012-13"}).content.decode()
    assert "No figures for 2012/13: no cases were recorded in that year." in content


def test_figures_beside_target_and_last_year(signed_in, manager, herts):
    # 2018-19: 1 of 2 decided in time; 2019-20: 2 of 2.
    DecidedReferralFactory(organisation=herts, received_on=dt.date(2018, 5, 1))
    DecidedReferralFactory(
        organisation=herts, received_on=dt.date(2018, 5, 1), decided_on=dt.date(2018, 5, 30)
    )
    DecidedReferralFactory.create_batch(2, organisation=herts, received_on=dt.date(2019, 5, 1))
    Target.objects.create(
        financial_year="2019-20",
        metric="referrals.decided_within_target_rate",
        percentage=85,
        updated_by=manager,
    )
    timeliness_compute(today=dt.date(2024, 6, 3))
    content = signed_in.get(URL, {"financial_year": "2019-20"}).content.decode()
    assert "Performance 2019/20" in content
    assert "15 points above target" in content
    assert "up 50 points from 50%" in content
    assert "Hertfordshire Constabulary" in content  # the per-organisation table
    assert 'id="trend-chart"' in content
    assert "Rates by financial year" in content


@time_machine.travel(dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC), tick=False)
def test_dashboard_query_count_does_not_depend_on_data_size(
    signed_in, herts, met, django_assert_max_num_queries, django_assert_num_queries
):
    DecidedReferralFactory(organisation=herts, received_on=dt.date(2019, 5, 1))
    UnderInvestigationFactory(referral__organisation=herts, started_on=dt.date(2023, 6, 20))
    OverdueRecommendationFactory(recipient=herts)
    timeliness_compute(today=dt.date(2024, 6, 3))
    with django_assert_max_num_queries(14) as small:
        assert signed_in.get(URL, {"financial_year": "2019-20"}).status_code == 200
    for year in range(2016, 2024):
        DecidedReferralFactory.create_batch(3, organisation=met, received_on=dt.date(year, 6, 1))
        ReferralFactory(organisation=herts, received_on=dt.date(year, 7, 1))
    UnderInvestigationFactory.create_batch(
        4, referral__organisation=met, started_on=dt.date(2023, 6, 25)
    )
    OverdueRecommendationFactory.create_batch(3, recipient=met)
    timeliness_compute(today=dt.date(2024, 6, 3))
    with django_assert_num_queries(len(small)):
        assert signed_in.get(URL, {"financial_year": "2019-20"}).status_code == 200
    content = signed_in.get(URL, {"financial_year": "2019-20"}).content.decode()
    assert "At risk: within 30 days of 12 months and still open" in content
    assert "Metropolitan Police Service</a>" in content  # overdue responses per recipient


def test_recalculate_now_runs_the_task_and_records_the_run(
    signed_in, herts, django_capture_on_commit_callbacks
):
    DecidedReferralFactory(organisation=herts, received_on=dt.date(2019, 5, 1))
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post("/performance/recalculate/", {"financial_year": "2019-20"})
    response = signed_in.get(response["Location"])
    run = TimelinessRun.objects.get()
    assert run.status == TimelinessRun.Status.DONE  # no broker in tests: run in-process
    assert "Figures computed" in response.content.decode()
    status = signed_in.get(f"/performance/runs/{run.pk}/").json()
    assert status["status"] == "done"


def test_targets_are_set_per_year_with_validation(signed_in, manager):
    url = "/performance/targets/?financial_year=2020-21"
    response = signed_in.post(url, {"investigations.within_12_months_rate": "120"})
    assert "A target cannot be above 100%" in response.content.decode()
    assert not Target.objects.exists()
    signed_in.post(url, {"investigations.within_12_months_rate": "85"})
    target = Target.objects.get()
    assert (target.financial_year, target.metric, float(target.percentage)) == (
        "2020-21",
        "investigations.within_12_months_rate",
        85.0,
    )
    assert target.updated_by == manager


def test_csv_export_of_a_year(signed_in, herts):
    DecidedReferralFactory(organisation=herts, received_on=dt.date(2019, 5, 1))
    timeliness_compute(today=dt.date(2024, 6, 3))
    lines = signed_in.get("/performance/export.csv", {"financial_year": "2019-20"})
    rows = b"".join(lines.streaming_content).decode().splitlines()
    assert rows[0].startswith("financial_year,organisation,referrals.received")
    assert rows[1].startswith("2019-20,all,1,1,1")
    assert rows[2].startswith("2019-20,hertfordshire-constabulary,1")
    assert (
        signed_in.get("/performance/export.csv", {"financial_year": "2001-02"}).status_code == 404
    )
