from __future__ import annotations

import time_machine

from dichvucong.accounts.testing import login_verified
from dichvucong.appointments.constants import BookingStatus
from dichvucong.appointments.models import Booking
from dichvucong.appointments.tests.conftest import at, make_slot
from dichvucong.appointments.tests.helpers import TUESDAY, book_over_http


def _two_bookings(client, cast):  # type: ignore[no-untyped-def]
    late, early = make_slot(cast.agency_a, 1, hour=10), make_slot(cast.agency_a, 1, hour=8)
    book_over_http(client, cast.applicant, late, TUESDAY, cast.procedure)
    book_over_http(client, cast.other_applicant, early, TUESDAY, cast.procedure)
    return Booking.objects.get(slot=early), Booking.objects.get(slot=late)


def test_the_counter_lists_today_in_slot_order_with_names(client, cast, monday):
    first, second = _two_bookings(client, cast)
    with time_machine.travel(at(2026, 3, 3, 7, 30), tick=False):
        login_verified(client, cast.receptionist_a)
        response = client.get("/mot-cua/lich-hen/")
    page = response.content.decode()
    first_name = cast.other_applicant.get_full_name()
    second_name = cast.applicant.get_full_name()
    assert page.index(first_name) < page.index(second_name)
    assert cast.procedure.name in page and "Đã phục vụ" in page and "Vắng mặt" in page


def test_other_agencies_staff_and_applicants_are_refused(client, cast, monday):
    first, _second = _two_bookings(client, cast)
    with time_machine.travel(at(2026, 3, 3, 7, 30), tick=False):
        for user in (cast.receptionist_b, cast.applicant, cast.specialist_a):
            if user == cast.applicant:
                client.force_login(user)
            else:
                login_verified(client, user)
            page = client.get("/mot-cua/lich-hen/")
            assert page.status_code == 403 or first.code not in page.content.decode()
            mark = client.post(f"/mot-cua/lich-hen/{first.public_id}/danh-dau/",
                               {"status": "served"})
            assert mark.status_code == 404
    first.refresh_from_db()
    assert first.status == BookingStatus.BOOKED


def test_served_and_absent_are_marked_once(client, cast, monday):
    first, second = _two_bookings(client, cast)
    with time_machine.travel(at(2026, 3, 3, 8, 10), tick=False):
        login_verified(client, cast.receptionist_a)
        client.post(f"/mot-cua/lich-hen/{first.public_id}/danh-dau/", {"status": "served"})
        client.post(f"/mot-cua/lich-hen/{second.public_id}/danh-dau/", {"status": "absent"})
        client.post(f"/mot-cua/lich-hen/{first.public_id}/danh-dau/", {"status": "absent"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (BookingStatus.SERVED, BookingStatus.ABSENT)


def test_a_booking_of_another_day_is_not_marked(client, cast, monday):
    first, _second = _two_bookings(client, cast)
    login_verified(client, cast.receptionist_a)
    response = client.post(f"/mot-cua/lich-hen/{first.public_id}/danh-dau/", {"status": "served"})
    assert response["Location"] == "/mot-cua/lich-hen/"
    first.refresh_from_db()
    assert first.status == BookingStatus.BOOKED
