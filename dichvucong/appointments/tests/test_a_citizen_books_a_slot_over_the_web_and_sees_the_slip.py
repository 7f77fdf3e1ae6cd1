from __future__ import annotations

from dichvucong.appointments.constants import BookingStatus
from dichvucong.appointments.models import Booking
from dichvucong.appointments.tests.helpers import TUESDAY, book_over_http


def test_the_form_offers_the_procedures_and_the_slots_with_free_seats(client, cast, tuesday_slot,
                                                                     monday):
    client.force_login(cast.applicant)
    page = client.get("/dat-lich/").content.decode()
    assert cast.agency_a.name in page
    page = client.get(f"/dat-lich/co-quan/{cast.agency_a.pk}/").content.decode()
    assert cast.procedure.name in page
    assert "03/03/2026 – 08:00 (còn 2 chỗ)" in page


def test_booking_leads_to_the_slip_with_date_time_code_and_qr(client, cast, tuesday_slot, monday):
    response = book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/dat-lich/{booking.public_id}/"
    assert booking.citizen == cast.applicant and booking.status == BookingStatus.BOOKED
    page = client.get(response["Location"]).content.decode()
    for text in (booking.code, "03/03/2026", "08:00", cast.procedure.name, cast.agency_a.name,
                 "<svg"):
        assert text in page
    assert booking.code in client.get("/dat-lich/cua-toi/").content.decode()


def test_another_citizen_cannot_open_the_booking(client, cast, tuesday_slot, monday):
    book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    booking = Booking.objects.get()
    client.force_login(cast.other_applicant)
    assert client.get(f"/dat-lich/{booking.public_id}/").status_code == 404
    assert client.get(f"/dat-lich/{booking.public_id}/phieu.pdf").status_code == 404


def test_a_second_booking_the_same_day_at_the_same_agency_is_refused(client, cast, monday):
    from dichvucong.appointments.tests.conftest import make_slot

    early, late = make_slot(cast.agency_a, 1, hour=8), make_slot(cast.agency_a, 1, hour=10)
    book_over_http(client, cast.applicant, early, TUESDAY, cast.procedure)
    response = book_over_http(client, cast.applicant, late, TUESDAY, cast.procedure)
    assert response.status_code == 200
    assert "Bạn đã có một lịch hẹn tại cơ quan này trong ngày đó" in response.content.decode()
    assert Booking.objects.count() == 1
