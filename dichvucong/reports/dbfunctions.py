"""The local day, month or year of a stored moment, computed by the database.

Django's TruncDate/TruncMonth/TruncYear are right on every database, but
on SQLite (the embedded default) they call back into Python for every row
to convert the time zone: on 20,000 dossiers that was most of the report's
time. When the time zone keeps one UTC offset over the whole period, as
Asia/Ho_Chi_Minh has since 1975, the local date is the UTC moment shifted
by that offset, which SQLite computes natively. Any other case, or any
other database, uses Django's functions unchanged.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import DateField, Func
from django.db.models.functions import TruncDate, TruncMonth, TruncYear
from django.utils import timezone

TRUNCS = {"day": TruncDate, "month": TruncMonth, "year": TruncYear}
SQLITE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m-01", "year": "%Y-01-01"}


def fixed_offset(start: date, end: date) -> timedelta | None:
    """The current zone's UTC offset if it is the same at every month's
    start from a month before `start` to a month after `end`, else None.
    Offset changes (summer time, a new legal time) last months, so a
    month's step cannot miss one."""
    zone = timezone.get_current_timezone()
    day, last = _month_start(start) - timedelta(days=1), end + timedelta(days=32)
    offsets = set()
    while day <= last:
        offsets.add(datetime.combine(day, time(12), tzinfo=zone).utcoffset())
        day = _month_start(day + timedelta(days=32))
    return offsets.pop() if len(offsets) == 1 else None


def as_local_date(value: Any) -> Any:
    """The local date of a date or datetime; anything else unchanged."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _month_start(day: date) -> date:
    return day.replace(day=1)


class LocalTrunc(Func):
    """The local day, month or year (as a date) of a DateTimeField column.

    Wraps Django's Trunc; on SQLite, with a fixed offset, compiles instead
    to strftime('%Y-%m-01', column, '+420 minutes'), a text date that
    compares with DateField columns and reads back as a date."""

    output_field = DateField()

    def __init__(self, kind: str, column: str, offset: timedelta | None) -> None:
        super().__init__(TRUNCS[kind](column, output_field=DateField()))
        self.kind, self.offset = kind, offset

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        return compiler.compile(self.source_expressions[0])

    def convert_value(self, value: Any, expression: Any, connection: Any) -> Any:
        """Always a date: a backend that hands back a datetime (midnight of
        the bucket) would otherwise split one month into two rows."""
        return as_local_date(value)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        if self.offset is None:
            return self.as_sql(compiler, connection, **extra)
        column, params = compiler.compile(self.source_expressions[0].lhs)
        minutes = int(self.offset.total_seconds() // 60)
        sql = f"strftime(%s, {column}, %s)"
        return sql, [SQLITE_FORMATS[self.kind], *params, f"{minutes:+d} minutes"]
