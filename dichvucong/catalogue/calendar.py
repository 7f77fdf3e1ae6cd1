"""The office calendar: Vietnam's national calendar plus the administrator's
`CalendarDay` rows, with the reception cutoff from the settings.

Deliberately not cached. Building it costs one query over a few dozen rows
and two small sets; the expensive part, the national holidays, is already
cached per process in `dichvucong.lib.workdays`. A per-process cache cleared by
save/delete signals would go stale when another worker process edits the
calendar, or when rows change through `QuerySet.update()` or `bulk_create()`,
which send no signals; a count/max(pk) check would miss a row edited in place.
A deadline computed on a stale calendar is wrong on a legal slip, so every
call reads the rows. Code computing many deadlines calls this once and keeps
the calendar for the loop.
"""

from __future__ import annotations

from datetime import time

from django.conf import settings

from dichvucong.catalogue.constants import CalendarDayKind
from dichvucong.catalogue.models import CalendarDay
from dichvucong.lib.workdays import WorkingCalendar


def office_calendar() -> WorkingCalendar:
    rows = list(CalendarDay.objects.values_list("date", "kind"))
    return WorkingCalendar(
        extra_days_off=(day for day, kind in rows if kind == CalendarDayKind.DAY_OFF),
        extra_working_days=(day for day, kind in rows if kind == CalendarDayKind.WORKING_DAY),
        cutoff=time(settings.RECEPTION_CUTOFF_HOUR),
    )
