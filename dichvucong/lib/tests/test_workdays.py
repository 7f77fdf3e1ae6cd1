from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from dichvucong.lib.workdays import LOCAL_TIMEZONE, WorkingCalendar

# March 2026 has no holiday: Tue 10, Wed 11, Thu 12, Fri 13, Sat 14, Sun 15, Mon 16.
TUESDAY = date(2026, 3, 10)
FRIDAY = date(2026, 3, 13)
SATURDAY = date(2026, 3, 14)
SUNDAY = date(2026, 3, 15)
MONDAY = date(2026, 3, 16)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TIMEZONE)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@pytest.fixture
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


# Tết


def test_tet_2017_from_26_january_to_1_february_is_off(calendar):
    assert not any(calendar.is_working_day(d) for d in days(date(2017, 1, 26), date(2017, 2, 1)))
    assert calendar.is_working_day(date(2017, 1, 25))
    assert calendar.is_working_day(date(2017, 2, 2))


def test_dossier_received_the_day_before_tet_2017_is_due_after_the_holiday(calendar):
    # Received Wed 25/01 at 10:00, so the count starts the next day; Thu 26/01
    # to Wed 01/02 are Tết. Day 1 is Thu 02/02, day 2 Fri 03/02, then the
    # weekend, day 3 Mon 06/02.
    received = local(date(2017, 1, 25), 10)
    assert calendar.due_date(received, 2) == date(2017, 2, 3)
    assert calendar.due_date(received, 3) == date(2017, 2, 6)


def test_tet_2026_from_16_to_20_february_is_off(calendar):
    assert not any(calendar.is_working_day(d) for d in days(date(2026, 2, 14), date(2026, 2, 22)))
    assert calendar.is_working_day(date(2026, 2, 13))
    assert calendar.is_working_day(date(2026, 2, 23))


def test_one_day_procedure_received_the_friday_before_tet_2026_is_due_after_it(calendar):
    assert calendar.due_date(local(date(2026, 2, 13), 9), 1) == date(2026, 2, 23)


# Swapped days and National Day


def test_saturday_22_august_2026_is_worked_in_compensation(calendar):
    assert calendar.is_working_day(date(2026, 8, 22))
    assert calendar.due_date(local(date(2026, 8, 21), 10), 1) == date(2026, 8, 22)


def test_monday_31_august_2026_is_the_day_off_given_in_exchange(calendar):
    assert not calendar.is_working_day(date(2026, 8, 31))


def test_national_day_2_september_is_off(calendar):
    assert not calendar.is_working_day(date(2026, 9, 2))
    assert not calendar.is_working_day(date(2025, 9, 2))
    # In 2017 it fell on a Saturday and Monday 04/09 was given instead.
    assert not calendar.is_working_day(date(2017, 9, 4))


def test_dossier_received_before_national_day_2026_skips_31_august_to_2_september(calendar):
    assert calendar.due_date(local(date(2026, 8, 28), 10), 1) == date(2026, 9, 3)


def test_swap_across_new_year_is_known(calendar):
    # Sat 05/01/2019 was worked to pay for Mon 31/12/2018.
    assert not calendar.is_working_day(date(2018, 12, 31))
    assert calendar.is_working_day(date(2019, 1, 5))


def test_any_year_is_loaded_on_demand(calendar):
    assert not calendar.is_working_day(date(2099, 1, 1))
    assert calendar.is_working_day(date(2099, 1, 2))


# Weekends


def test_saturday_and_sunday_are_off(calendar):
    assert not calendar.is_working_day(SATURDAY)
    assert not calendar.is_working_day(SUNDAY)
    assert calendar.is_working_day(FRIDAY)
    assert calendar.is_working_day(MONDAY)


def test_next_working_day_is_strictly_after_and_skips_the_weekend(calendar):
    assert calendar.next_working_day(TUESDAY) == date(2026, 3, 11)
    assert calendar.next_working_day(FRIDAY) == MONDAY
    assert calendar.next_working_day(SATURDAY) == MONDAY


def test_adding_zero_working_days_keeps_a_working_day_and_moves_a_day_off(calendar):
    assert calendar.add_working_days(TUESDAY, 0) == TUESDAY
    assert calendar.add_working_days(SUNDAY, 0) == MONDAY
    assert calendar.add_working_days(date(2026, 2, 17), 0) == date(2026, 2, 23)


def test_adding_working_days_counts_from_the_day_after(calendar):
    assert calendar.add_working_days(TUESDAY, 1) == date(2026, 3, 11)
    assert calendar.add_working_days(TUESDAY, 5) == date(2026, 3, 17)
    assert calendar.add_working_days(SATURDAY, 1) == MONDAY


def test_adding_a_negative_number_of_working_days_is_refused(calendar):
    with pytest.raises(ValueError, match="negative"):
        calendar.add_working_days(TUESDAY, -1)


# The 15:00 rule


def test_received_at_1459_counts_from_the_same_day(calendar):
    assert calendar.reception_day(local(TUESDAY, 14, 59)) == TUESDAY
    assert calendar.due_date(local(TUESDAY, 14, 59), 5) == date(2026, 3, 17)


def test_received_at_1500_counts_from_the_next_working_day(calendar):
    assert calendar.reception_day(local(TUESDAY, 15, 0)) == date(2026, 3, 11)
    assert calendar.due_date(local(TUESDAY, 15, 0), 5) == date(2026, 3, 18)


def test_same_day_procedure_received_in_the_morning_is_due_that_day(calendar):
    assert calendar.due_date(local(TUESDAY, 10), 0) == TUESDAY


def test_same_day_procedure_received_after_1500_is_due_the_next_working_day(calendar):
    assert calendar.due_date(local(TUESDAY, 15, 0), 0) == date(2026, 3, 11)
    assert calendar.due_date(local(TUESDAY, 16, 30), 0) == date(2026, 3, 11)


def test_same_day_procedure_received_friday_at_1600_is_due_monday(calendar):
    assert calendar.due_date(local(FRIDAY, 16), 0) == MONDAY


def test_dossier_received_on_a_weekend_counts_from_monday(calendar):
    assert calendar.reception_day(local(SATURDAY, 10)) == MONDAY
    assert calendar.reception_day(local(SUNDAY, 9)) == MONDAY
    assert calendar.due_date(local(SUNDAY, 9), 0) == MONDAY
    assert calendar.due_date(local(SUNDAY, 9), 2) == date(2026, 3, 18)


def test_dossier_received_on_a_holiday_morning_counts_from_the_next_working_day(calendar):
    assert calendar.reception_day(local(date(2026, 9, 2), 8)) == date(2026, 9, 3)


def test_cutoff_can_be_set(calendar):
    late_office = WorkingCalendar(cutoff=time(16, 0))
    assert late_office.reception_day(local(TUESDAY, 15, 30)) == TUESDAY
    assert calendar.reception_day(local(TUESDAY, 15, 30)) == date(2026, 3, 11)


# Time zones


def test_utc_0830_is_1530_in_hanoi_so_after_the_cutoff(calendar):
    received = datetime(2026, 3, 10, 8, 30, tzinfo=UTC)
    assert calendar.reception_day(received) == date(2026, 3, 11)
    assert calendar.due_date(received, 0) == date(2026, 3, 11)


def test_utc_0759_is_1459_in_hanoi_so_before_the_cutoff(calendar):
    assert calendar.reception_day(datetime(2026, 3, 10, 7, 59, tzinfo=UTC)) == TUESDAY


def test_local_date_is_used_not_the_utc_date(calendar):
    # Mon 20:00 UTC is Tue 03:00 in Hanoi.
    assert calendar.reception_day(datetime(2026, 3, 9, 20, 0, tzinfo=UTC)) == TUESDAY


def test_naive_datetime_is_taken_as_local_time(calendar):
    assert calendar.reception_day(datetime(2026, 3, 10, 14, 59)) == TUESDAY
    assert calendar.reception_day(datetime(2026, 3, 10, 15, 30)) == date(2026, 3, 11)


# Administrator's exceptions


def test_administrator_day_off_pushes_the_deadline(calendar):
    thursday = date(2026, 3, 12)
    with_day_off = WorkingCalendar(extra_days_off={thursday})
    assert not with_day_off.is_working_day(thursday)
    assert calendar.due_date(local(TUESDAY, 10), 3) == FRIDAY
    assert with_day_off.due_date(local(TUESDAY, 10), 3) == MONDAY


def test_administrator_working_saturday_brings_the_deadline_forward(calendar):
    with_saturday = WorkingCalendar(extra_working_days={SATURDAY})
    assert with_saturday.is_working_day(SATURDAY)
    assert calendar.due_date(local(FRIDAY, 10), 1) == MONDAY
    assert with_saturday.due_date(local(FRIDAY, 10), 1) == SATURDAY


def test_administrator_working_day_overrides_a_public_holiday():
    tet_friday = date(2026, 2, 20)
    assert WorkingCalendar(extra_working_days={tet_friday}).is_working_day(tet_friday)


def test_administrator_day_off_overrides_everything():
    compensatory_saturday = date(2026, 8, 22)
    assert not WorkingCalendar(extra_days_off={compensatory_saturday}).is_working_day(
        compensatory_saturday
    )
    both = WorkingCalendar(extra_days_off={SATURDAY}, extra_working_days={SATURDAY})
    assert not both.is_working_day(SATURDAY)


# Supplements


def test_supplement_restarts_the_deadline_from_its_own_receipt(calendar):
    original = local(date(2026, 3, 3), 10)
    supplement = local(date(2026, 3, 12), 16)
    assert calendar.due_date(original, 10) == date(2026, 3, 17)
    # Received Thu 12/03 after 15:00, so it counts from Fri 13/03; ten working
    # days from there are 16-20/03 and 23-27/03.
    assert calendar.due_date(supplement, 10) == date(2026, 3, 27)


# Lateness


def test_working_days_between_counts_after_start_up_to_and_including_end(calendar):
    assert calendar.working_days_between(FRIDAY, MONDAY) == 1
    assert calendar.working_days_between(TUESDAY, FRIDAY) == 3
    assert calendar.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    # 22/08 worked, 24-28/08, then 31/08-02/09 off, then 03/09.
    assert calendar.working_days_between(date(2026, 8, 21), date(2026, 9, 3)) == 7


def test_working_days_between_is_zero_when_end_is_not_after_start(calendar):
    assert calendar.working_days_between(FRIDAY, FRIDAY) == 0
    assert calendar.working_days_between(MONDAY, FRIDAY) == 0
    assert calendar.working_days_between(FRIDAY, SUNDAY) == 0
