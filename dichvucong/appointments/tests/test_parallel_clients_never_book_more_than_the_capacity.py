"""Many citizens pressing "Đặt lịch hẹn" for the last seats at once: the
unique (slot, day, seat) constraint lets exactly `capacity` of them in."""

from __future__ import annotations

import threading

import pytest
import time_machine
from django.db import connection, connections

from dichvucong.appointments import services
from dichvucong.appointments.models import Booking
from dichvucong.appointments.tests.conftest import MONDAY_MORNING, make_slot
from dichvucong.appointments.tests.helpers import TUESDAY
from dichvucong.dossiers.testing import _citizen, make_cast

PARALLEL = 8
CAPACITY = 3


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_eight_citizens_at_once_fill_three_seats_and_five_are_told_it_is_full():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    cast = make_cast()
    slot = make_slot(cast.agency_a, weekday=1, capacity=CAPACITY)
    citizens = [_citizen(f"0010900100{n:02d}", f"Công dân {n}", f"09100000{n:02d}", cast.ward_a)
                for n in range(PARALLEL)]
    barrier = threading.Barrier(PARALLEL)
    outcomes: list[str] = []

    def work(citizen) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait(timeout=30)
            try:
                services.book(citizen, slot, TUESDAY, cast.procedure)
                outcomes.append("booked")
            except services.BookingRefused:
                outcomes.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(citizen,)) for citizen in citizens]
    # The clock is frozen once for all threads (time_machine is process-wide).
    with time_machine.travel(MONDAY_MORNING, tick=False):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert sorted(outcomes) == ["booked"] * CAPACITY + ["full"] * (PARALLEL - CAPACITY)
    seats = sorted(Booking.objects.filter(slot=slot, day=TUESDAY).values_list("seat", flat=True))
    assert seats == [1, 2, 3]
