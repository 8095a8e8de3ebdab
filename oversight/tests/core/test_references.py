"""References are allocated safely when two caseworkers save at the same moment."""

import datetime as dt
import threading
import time

import pytest
from django.db import close_old_connections, connection, transaction

from cases.referrals import services
from oversight.core.references import format_reference
from oversight.core.services import reference_allocate
from oversight.tests.factories import CaseworkerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_format_reference():
    assert format_reference("REF", 2026, 1) == "REF-2026-000001"


def test_second_transaction_waits_for_the_first_and_gets_the_next_number():
    """Two connections: the first holds its number uncommitted while the second asks."""
    first_has_number = threading.Event()
    results = {}

    def first():
        try:
            with transaction.atomic():
                results["first"] = reference_allocate(prefix="REF", year=2026)
                first_has_number.set()
                time.sleep(0.5)  # keep the transaction open while the other asks
        finally:
            connection.close()

    def second():
        try:
            first_has_number.wait(5)
            started = time.monotonic()
            with transaction.atomic():
                results["second"] = reference_allocate(prefix="REF", year=2026)
            results["waited"] = time.monotonic() - started
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results["first"] == "REF-2026-000001"
    assert results["second"] == "REF-2026-000002"
    assert results["waited"] >= 0.3  # it really was blocked by the first, not merely later


def test_simultaneous_creates_get_distinct_references():
    actor = CaseworkerFactory()
    force = OrganisationFactory()
    count = 6
    barrier = threading.Barrier(count)
    references, errors = [], []

    def create():
        close_old_connections()
        try:
            barrier.wait(5)
            referral = services.referral_create(
                actor=actor,
                organisation=force,
                received_on=dt.date(2026, 11, 2),
                matter_type="complaint",
                referral_type="voluntary",
                categories=[],
                summary="Simultaneous save",
                today=dt.date(2026, 11, 3),
            )
            references.append(referral.reference)
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    assert sorted(references) == [f"REF-2026-{n:06d}" for n in range(1, count + 1)]
