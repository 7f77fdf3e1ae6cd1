"""The working-day calendar that dossier deadlines are counted on.

Legal basis: Decree 61/2018/ND-CP (one-stop mechanism) sets processing times
in working days counted from the receipt of a complete dossier; a dossier
received after 15:00 counts as received on the next working day; when a
requested supplement arrives the count restarts from zero. As in the Civil
Code 2015 (art. 147), the day the count starts from is not itself counted.

A deadline is computed in these steps:

1. Take the receipt time in Vietnam's local time (Asia/Ho_Chi_Minh). An aware
   datetime is converted; a naive one is taken as already local.
2. Find the reception day: the receipt's own date if that is a working day
   and the local time is before the cutoff (15:00); otherwise the next
   working day. 15:00:00 itself is already "after 15:00".
3. Count the procedure's working days forward from the day after the
   reception day; the due date is the last day counted. A same-day procedure
   (0 working days) is due on the reception day itself.
4. A supplement restarts the count: the caller passes the supplement's
   receipt time as a fresh ``received_at``; nothing of the first count is kept.

A day is a working day unless it is off, decided in this order:

1. An administrator's extra day off is off, whatever else it is.
2. An administrator's extra working day is worked, even on a weekend or a
   public holiday.
3. A national public holiday (lunar Tet, substituted days off such as
   31/08/2026) is off.
4. A Saturday or Sunday is off, unless the government swapped it into a
   working day (such as Saturday 22/08/2026).
5. Any other day is a working day.

National holidays come from the ``holidays`` package, loaded one year at a time
on demand and cached for the life of the process.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

LOCAL_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_CUTOFF = time(15, 0)

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


@dataclass(frozen=True)
class _NationalYear:
    days_off: frozenset[date]
    weekend_workdays: frozenset[date]


@functools.cache
def _national_year(year: int) -> _NationalYear:
    """Vietnam's public holidays and swapped working weekends falling in `year`."""
    # Filtered by year because the package also lists swaps of other years.
    # A swap across New Year (Saturday 05/01/2019 worked for Monday 31/12/2018)
    # is found from either year alone; a test guards that on upgrades.
    national = holidays.country_holidays("VN", years=year)
    return _NationalYear(
        days_off=frozenset(day for day in national if day.year == year),
        weekend_workdays=frozenset(day for day in national.weekend_workdays if day.year == year),
    )


class WorkingCalendar:
    """National holidays plus the administrator's exceptions, and the cutoff."""

    def __init__(
        self,
        extra_days_off: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
        cutoff: time = DEFAULT_CUTOFF,
    ) -> None:
        self.extra_days_off = frozenset(extra_days_off)
        self.extra_working_days = frozenset(extra_working_days)
        self.cutoff = cutoff

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_days_off:
            return False
        if day in self.extra_working_days:
            return True
        national = _national_year(day.year)
        if day in national.days_off:
            return False
        if day.weekday() >= _SATURDAY:
            return day in national.weekend_workdays
        return True

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after `day`; for n = 0, `day` itself if it is
        a working day, else the next working day."""
        if n < 0:
            raise ValueError(f"cannot add a negative number of working days: {n}")
        if n == 0:
            return day if self.is_working_day(day) else self.next_working_day(day)
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def reception_day(self, received_at: datetime) -> date:
        """The working day a receipt counts from (steps 1 and 2 above)."""
        local = _to_local(received_at)
        day = local.date()
        if self.is_working_day(day) and local.time() < self.cutoff:
            return day
        return self.next_working_day(day)

    def due_date(self, received_at: datetime, working_days: int) -> date:
        """The day a dossier received at `received_at` is due (all steps above)."""
        return self.add_working_days(self.reception_day(received_at), working_days)

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days d have start < d <= end; 0 if end <= start.
        With start = due date and end = today this is how many working days late."""
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            if self.is_working_day(day):
                count += 1
            day += _ONE_DAY
        return count


def _to_local(moment: datetime) -> datetime:
    # utcoffset() rather than tzinfo: a tzinfo may be attached yet give no offset.
    if moment.utcoffset() is None:
        return moment
    return moment.astimezone(LOCAL_TIMEZONE)
