from __future__ import annotations

from datetime import date

from dichvucong.appointments.models import Booking
from dichvucong.appointments.tests.conftest import make_slot
from dichvucong.appointments.tests.helpers import TUESDAY, book_over_http
from dichvucong.catalogue.constants import CalendarDayKind
from dichvucong.catalogue.models import CalendarDay
from dichvucong.dossiers.testing import _citizen


def test_the_third_citizen_of_a_two_seat_slot_is_told_it_is_full(client, cast, tuesday_slot,
                                                                  monday):
    book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    book_over_http(client, cast.other_applicant, tuesday_slot, TUESDAY, cast.procedure)

    third = _citizen("079090000003", "Lê Thị Ba", "0903333333", cast.ward_a)
    response = book_over_http(client, third, tuesday_slot, TUESDAY, cast.procedure)
    assert response.status_code == 200
    assert "Khung giờ này đã hết chỗ. Vui lòng chọn giờ khác." in response.content.decode()
    assert Booking.objects.count() == 2
    assert "(hết chỗ)" in response.content.decode()


def test_a_day_off_set_by_the_administrator_is_refused(client, cast, tuesday_slot, monday):
    CalendarDay.objects.create(date=TUESDAY, kind=CalendarDayKind.DAY_OFF, note="Nghỉ bù")
    response = book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    assert "Ngày này là ngày nghỉ" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_national_holiday_is_refused(client, cast, monday):
    # Thursday 30 April 2026, Reunification Day.
    slot = make_slot(cast.agency_a, weekday=3)
    response = book_over_http(client, cast.applicant, slot, date(2026, 4, 30), cast.procedure)
    assert "Ngày này là ngày nghỉ" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_past_day_and_a_day_beyond_the_window_are_refused(client, cast, tuesday_slot, monday):
    past = book_over_http(client, cast.applicant, tuesday_slot, date(2026, 2, 24), cast.procedure)
    assert "Không thể đặt lịch cho ngày đã qua." in past.content.decode()
    far = book_over_http(client, cast.applicant, tuesday_slot, date(2026, 6, 2), cast.procedure)
    assert "Chỉ đặt được lịch trong 20 ngày làm việc tới." in far.content.decode()
    assert not Booking.objects.exists()


def test_a_procedure_of_another_level_is_refused(client, cast, tuesday_slot, monday):
    from dichvucong.catalogue.constants import HandlingLevel

    cast.procedure.handling_level = HandlingLevel.DISTRICT
    cast.procedure.save()
    response = book_over_http(client, cast.applicant, tuesday_slot, TUESDAY, cast.procedure)
    assert response.status_code == 200
    assert not Booking.objects.exists()
