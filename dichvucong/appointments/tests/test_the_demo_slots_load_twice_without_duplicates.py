from __future__ import annotations

from dichvucong.appointments.models import Slot
from dichvucong.demo.appointments import load_appointment_slots
from dichvucong.demo.store import Tally


def test_loading_twice_gives_the_same_slots(cast):
    load_appointment_slots(Tally())
    load_appointment_slots(Tally())
    assert Slot.objects.filter(agency=cast.agency_a).count() == 25
    assert Slot.objects.count() == 50
