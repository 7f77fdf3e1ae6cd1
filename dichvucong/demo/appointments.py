"""Demo slots for counter appointments (appointments/): every People's
Committee receives by appointment on working-day mornings and afternoons.
Idempotent: slots are matched by (agency, weekday, start)."""

from __future__ import annotations

from datetime import time

from dichvucong.appointments.models import Slot
from dichvucong.catalogue.constants import AgencyKind
from dichvucong.catalogue.models import Agency
from dichvucong.demo.store import Tally, upsert

STARTS = (time(8, 0), time(9, 0), time(10, 0), time(14, 0), time(15, 0))
WEEKDAYS = range(5)  # Monday to Friday
SEATS = 3


def load_appointment_slots(tally: Tally) -> None:
    for agency in Agency.objects.filter(kind=AgencyKind.PEOPLES_COMMITTEE):
        for weekday in WEEKDAYS:
            for start in STARTS:
                upsert(Slot, tally, {"agency": agency, "weekday": weekday, "start": start},
                       {"duration_minutes": 60, "capacity": SEATS,
                        "place": f"Bộ phận Một cửa – {agency.name}"})
