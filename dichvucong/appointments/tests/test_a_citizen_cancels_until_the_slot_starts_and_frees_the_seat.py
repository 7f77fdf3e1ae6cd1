from __future__ import annotations

import time_machine

from dichvucong.appointments.constants import BookingStatus
from dichvucong.appointments.models import Booking
from dichvucong.appointments.tests.conftest import at
from dichvucong.appointments.tests.helpers import TUESDAY, book_over_http


def test_cancel_frees_the_seat_for_someone_else(client, cast, monday):
    from dichvucong.appointments.tests.conftest import make_slot

    slot = make_slot(cast.agency_a, weekday=1, capacity=1)
    book_over_http(client, cast.applicant, slot, TUESDAY, cast.procedure)
    booking = Booking.objects.get()
    response = client.post(f"/dat-lich/{booking.public_id}/huy/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    book_over_http(client, cast.other_applicant, slot, TUESDAY, cast.procedure)
    assert Booking.objects.filter(status=BookingStatus.BOOKED).count() == 1


def test_nobody_else_can_cancel_and_cancel_needs_a_post(client, cast, tuesday_slot, monday):
    book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    booking = Booking.objects.get()
    assert client.get(f"/dat-lich/{booking.public_id}/huy/").status_code == 405
    client.force_login(cast.other_applicant)
    assert client.post(f"/dat-lich/{booking.public_id}/huy/").status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_once_the_slot_has_started_it_cannot_be_cancelled(client, cast, tuesday_slot, monday):
    book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    booking = Booking.objects.get()
    with time_machine.travel(at(2026, 3, 3, 8, 5), tick=False):
        client.post(f"/dat-lich/{booking.public_id}/huy/")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
