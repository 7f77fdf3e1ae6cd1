from __future__ import annotations

from datetime import date

from dichvucong.appointments.models import Booking
from dichvucong.appointments.tasks import remind_tomorrows_bookings_task
from dichvucong.appointments.tests.conftest import make_slot
from dichvucong.appointments.tests.helpers import TUESDAY, book_over_http
from dichvucong.notifications.constants import Channel
from dichvucong.notifications.models import OutboxMessage


def test_run_twice_it_writes_one_sms_per_booking_of_tomorrow(
    client, cast, monday, django_capture_on_commit_callbacks
):
    tuesday = make_slot(cast.agency_a, weekday=1)
    wednesday = make_slot(cast.agency_a, weekday=2)
    book_over_http(client, cast.applicant, tuesday, TUESDAY, cast.procedure)
    book_over_http(client, cast.other_applicant, wednesday, date(2026, 3, 4), cast.procedure)
    booking = Booking.objects.get(day=TUESDAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_tomorrows_bookings_task() == 1
        assert remind_tomorrows_bookings_task() == 0
    message = OutboxMessage.objects.get()
    assert message.channel == Channel.SMS
    assert message.recipient == cast.applicant.citizen.phone
    assert booking.code in message.body and "08:00" in message.body
    assert "03/03/2026" in message.body


def test_a_cancelled_booking_gets_no_reminder(client, cast, monday):
    slot = make_slot(cast.agency_a, weekday=1)
    book_over_http(client, cast.applicant, slot, TUESDAY, cast.procedure)
    booking = Booking.objects.get()
    client.post(f"/dat-lich/{booking.public_id}/huy/")
    assert remind_tomorrows_bookings_task() == 0
    assert not OutboxMessage.objects.exists()
