from __future__ import annotations

from datetime import date, datetime, time

import pytest

from dichvucong.catalogue.calendar import office_calendar
from dichvucong.catalogue.constants import CalendarDayKind
from dichvucong.catalogue.models import CalendarDay
from dichvucong.lib.workdays import LOCAL_TIMEZONE

# March 2026 has no national holiday.
TUESDAY = date(2026, 3, 10)
THURSDAY = date(2026, 3, 12)
FRIDAY = date(2026, 3, 13)
SATURDAY = date(2026, 3, 14)
MONDAY = date(2026, 3, 16)

pytestmark = pytest.mark.django_db


def received(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LOCAL_TIMEZONE)


def test_without_rows_the_office_follows_the_national_calendar():
    calendar = office_calendar()
    assert calendar.due_date(received(TUESDAY, 10), 3) == FRIDAY
    assert not calendar.is_working_day(date(2026, 2, 17))
    assert calendar.is_working_day(date(2026, 8, 22))


def test_administrator_day_off_pushes_the_deadline():
    CalendarDay.objects.create(date=THURSDAY, kind=CalendarDayKind.DAY_OFF, note="Bầu cử")
    assert office_calendar().due_date(received(TUESDAY, 10), 3) == MONDAY


def test_administrator_working_saturday_brings_the_deadline_forward():
    CalendarDay.objects.create(date=SATURDAY, kind=CalendarDayKind.WORKING_DAY)
    assert office_calendar().due_date(received(FRIDAY, 10), 1) == SATURDAY


def test_changing_a_day_off_into_a_working_day_takes_effect_at_once():
    day = CalendarDay.objects.create(date=SATURDAY, kind=CalendarDayKind.DAY_OFF)
    assert office_calendar().due_date(received(FRIDAY, 10), 1) == MONDAY
    day.kind = CalendarDayKind.WORKING_DAY
    day.save()
    assert office_calendar().due_date(received(FRIDAY, 10), 1) == SATURDAY


def test_moving_a_day_off_to_another_date_takes_effect_at_once():
    day = CalendarDay.objects.create(date=THURSDAY, kind=CalendarDayKind.DAY_OFF)
    assert not office_calendar().is_working_day(THURSDAY)
    day.date = FRIDAY
    day.save()
    calendar = office_calendar()
    assert calendar.is_working_day(THURSDAY)
    assert not calendar.is_working_day(FRIDAY)


def test_deleting_a_day_off_takes_effect_at_once():
    day = CalendarDay.objects.create(date=THURSDAY, kind=CalendarDayKind.DAY_OFF)
    assert office_calendar().due_date(received(TUESDAY, 10), 3) == MONDAY
    day.delete()
    assert office_calendar().due_date(received(TUESDAY, 10), 3) == FRIDAY


def test_edits_that_send_no_signal_take_effect_too():
    # QuerySet.update() and bulk_create() bypass save signals; the calendar
    # must still see them, which is why it is read afresh on every call.
    CalendarDay.objects.bulk_create([CalendarDay(date=SATURDAY, kind=CalendarDayKind.DAY_OFF)])
    assert not office_calendar().is_working_day(SATURDAY)
    CalendarDay.objects.filter(date=SATURDAY).update(kind=CalendarDayKind.WORKING_DAY)
    assert office_calendar().is_working_day(SATURDAY)


def test_cutoff_hour_comes_from_the_settings(settings):
    assert office_calendar().reception_day(received(TUESDAY, 15)) == date(2026, 3, 11)
    settings.RECEPTION_CUTOFF_HOUR = 16
    assert office_calendar().reception_day(received(TUESDAY, 15)) == TUESDAY
