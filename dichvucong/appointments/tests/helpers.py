from __future__ import annotations

from datetime import date

from dichvucong.appointments.models import Booking, Slot

TUESDAY = date(2026, 3, 3)


def book_over_http(client, user, slot: Slot, day: date, procedure):  # type: ignore[no-untyped-def]
    client.force_login(user)
    return client.post(
        f"/dat-lich/co-quan/{slot.agency_id}/",
        {"procedure": procedure.pk, "when": f"{slot.pk}:{day.isoformat()}"},
    )


def latest_booking() -> Booking:
    return Booking.objects.latest("pk")
