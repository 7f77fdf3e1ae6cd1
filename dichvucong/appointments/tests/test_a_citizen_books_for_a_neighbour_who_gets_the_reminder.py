"""A citizen (or a pupil's family member, a neighbour) books for someone
who has no account: the counter sees who comes and who booked, the slip
names both, and the reminder goes to the person who comes. Each person
booked for counts as one visitor a day; the helper cannot book the same
person twice, nor give a name without a phone."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.appointments.models import Booking
from dichvucong.appointments.slip import booking_slip
from dichvucong.appointments.tasks import remind_tomorrows_bookings_task
from dichvucong.appointments.tests.conftest import at, make_slot
from dichvucong.appointments.tests.helpers import TUESDAY
from dichvucong.notifications.models import OutboxMessage
from dichvucong.results.tests.helpers import pdf_text

NEIGHBOUR = "Lê Thị Hoa"
NEIGHBOUR_PHONE = "0987654321"


def book_for(client, slot, procedure, name, phone):  # type: ignore[no-untyped-def]
    return client.post(
        f"/dat-lich/co-quan/{slot.agency_id}/",
        {"procedure": procedure.pk, "when": f"{slot.pk}:{TUESDAY.isoformat()}",
         "visitor_name": name, "visitor_phone": phone},
    )


@pytest.fixture
def slot(cast):  # type: ignore[no-untyped-def]
    return make_slot(cast.agency_a, weekday=1, capacity=5)


def test_the_person_booked_for_is_seen_at_the_counter_and_reminded(
    client, cast, monday, slot, django_capture_on_commit_callbacks
):
    client.force_login(cast.applicant)
    response = book_for(client, slot, cast.procedure, f"  {NEIGHBOUR} ", "0987 654 321")
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.visitor_name, booking.visitor_phone) == (NEIGHBOUR, NEIGHBOUR_PHONE)
    assert booking.citizen == cast.applicant  # theirs to see and cancel

    slip = pdf_text(booking_slip(booking))
    assert NEIGHBOUR in slip and cast.applicant.get_full_name() in slip
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_tomorrows_bookings_task() == 1
    assert OutboxMessage.objects.get().recipient == NEIGHBOUR_PHONE

    monday.move_to(at(2026, 3, 3, 7))  # Tuesday, before the counter opens
    login_verified(client, cast.receptionist_a)
    counter = client.get("/mot-cua/lich-hen/").content.decode()
    assert f"08:00 · {NEIGHBOUR}" in counter and "Người đặt hộ" in counter


def test_one_booking_a_day_for_each_person_who_comes(client, cast, monday, slot):
    client.force_login(cast.applicant)
    assert book_for(client, slot, cast.procedure, "", "").status_code == 302  # themself
    assert book_for(client, slot, cast.procedure, NEIGHBOUR, NEIGHBOUR_PHONE).status_code == 302
    again = book_for(client, slot, cast.procedure, "Lê Hoa", NEIGHBOUR_PHONE)
    assert again.status_code == 200
    assert "đã đặt hộ người có số điện thoại này" in again.content.decode()
    assert book_for(client, slot, cast.procedure, "Trần Văn Ba", "0911222333").status_code == 302
    assert Booking.objects.count() == 3


@pytest.mark.parametrize(
    ("name", "phone", "message"),
    [
        (NEIGHBOUR, "", "hãy nhập số điện thoại của người đến"),
        ("", NEIGHBOUR_PHONE, "hãy nhập họ và tên người đến"),
        (NEIGHBOUR, "12345", "Số điện thoại"),
    ],
)
def test_half_of_a_visitor_is_refused_and_nothing_is_booked(
    client, cast, monday, slot, name, phone, message
):
    client.force_login(cast.applicant)
    response = book_for(client, slot, cast.procedure, name, phone)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Booking.objects.exists()
