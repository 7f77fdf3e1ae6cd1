from __future__ import annotations

from datetime import date

from django.test import override_settings

from dichvucong.appointments.models import Booking
from dichvucong.appointments.tests.conftest import make_slot
from dichvucong.appointments.tests.helpers import book_over_http


@override_settings(APPOINTMENT_BOOKINGS_PER_ACCOUNT=2)
def test_the_third_booking_in_an_hour_is_answered_429(client, cast, monday):
    slot = make_slot(cast.agency_a, weekday=1, capacity=10)
    days = [date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 17)]
    answers = [book_over_http(client, cast.applicant, slot, day, cast.procedure) for day in days]
    assert [answer.status_code for answer in answers] == [302, 302, 429]
    assert answers[2].has_header("Retry-After")
    assert Booking.objects.count() == 2
