from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.appointments.models import Slot
from dichvucong.dossiers.testing import make_cast

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# Monday 2 March 2026, 09:00 in Hà Nội: an ordinary working week.
MONDAY_MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=HANOI)


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def monday():
    with time_machine.travel(MONDAY_MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def cast(db):
    return make_cast()


def make_slot(agency, weekday: int, hour: int = 8, capacity: int = 2) -> Slot:
    return Slot.objects.create(agency=agency, weekday=weekday, start=time(hour, 0),
                               duration_minutes=30, capacity=capacity,
                               place="Số 1 Khương Mai, Thanh Xuân, Hà Nội")


@pytest.fixture
def tuesday_slot(cast):
    """Tuesdays at 08:00 at ward A, two seats."""
    return make_slot(cast.agency_a, weekday=1)
