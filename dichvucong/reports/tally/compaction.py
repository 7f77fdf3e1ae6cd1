"""Moving the entries into the day and month sums.

Reading adds whatever entries are still waiting, so the figures never
depend on this having run: it only keeps the reading short. Celery beat
runs it every minute (settings.CELERY_BEAT_SCHEDULE); a read that finds
too many entries waiting runs it first (tally.ready), so a system without
a worker (make run) stays fast too.

One compaction at a time: each starts by updating the single TallyState
row, which waits for any other. The entries it moves are exactly those it
deletes (DELETE ... RETURNING): an entry committed meanwhile stays for the
next one."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from django.db import connections, transaction
from django.utils import timezone

from dichvucong.reports.models import COLUMNS, DayTally, MonthTally, TallyEntry, TallyState

BATCH = 20_000
Sums = dict[tuple[date, int, int], Counter[str]]


def compact(batch: int = BATCH, using: str = "default") -> int:
    """Moves up to `batch` entries; returns how many it moved."""
    with transaction.atomic(using=using):
        TallyState.objects.using(using).filter(pk=1).update(compacted_at=timezone.now())
        rows = _take(batch, using)
        days, months = _sums(rows)
        _add(DayTally, "day", days, using)
        _add(MonthTally, "month", months, using)
    return len(rows)


def compact_all(using: str = "default") -> int:
    moved = total = compact(using=using)
    while moved == BATCH:
        moved = compact(using=using)
        total += moved
    return total


def _table(model: Any) -> str:
    return connections["default"].ops.quote_name(model._meta.db_table)


def _take(batch: int, using: str) -> list[tuple[Any, ...]]:
    """Deletes the oldest entries and returns them. PostgreSQL says which
    rows it deleted (RETURNING); SQLite holds the only write lock since the
    transaction began (transaction_mode IMMEDIATE), so reading then deleting
    the same ids is as safe, and works before SQLite 3.35 too."""
    columns = ", ".join(("id", "day", "agency_id", "procedure_id", *COLUMNS))
    table = _table(TallyEntry)
    oldest = f"SELECT id FROM {table} ORDER BY id LIMIT %s"  # noqa: S608
    with connections[using].cursor() as cursor:
        if connections[using].vendor == "postgresql":
            cursor.execute(
                f"DELETE FROM {table} WHERE id IN ({oldest}) RETURNING {columns}",  # noqa: S608
                [batch],
            )
            return [row[1:] for row in cursor.fetchall()]
        cursor.execute(f"SELECT {columns} FROM {table} ORDER BY id LIMIT %s", [batch])  # noqa: S608
        rows = cursor.fetchall()
        if rows:
            cursor.execute(f"DELETE FROM {table} WHERE id <= %s", [rows[-1][0]])  # noqa: S608
        return [row[1:] for row in rows]


def _sums(rows: list[tuple[Any, ...]]) -> tuple[Sums, Sums]:
    days: Sums = defaultdict(Counter)
    months: Sums = defaultdict(Counter)
    for day, agency, procedure, *values in rows:
        day = day if isinstance(day, date) else date.fromisoformat(day)
        counts = dict(zip(COLUMNS, values, strict=True))
        days[(day, agency, procedure)].update(counts)
        months[(day.replace(day=1), agency, procedure)].update(counts)
    return days, months


def _add(model: Any, period: str, sums: Sums, using: str) -> None:
    """INSERT ... ON CONFLICT DO UPDATE adding to what is there (PostgreSQL
    and SQLite 3.24+ say it the same way), in key order."""
    if not sums:
        return
    table = _table(model)
    names = (period, "agency_id", "procedure_id", *COLUMNS)
    added = ", ".join(f"{column} = {table}.{column} + excluded.{column}" for column in COLUMNS)
    sql = (
        f"INSERT INTO {table} ({', '.join(names)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(names))}) "
        f"ON CONFLICT ({period}, agency_id, procedure_id) DO UPDATE SET {added}"
    )
    params = [
        (day, agency, procedure, *(counts.get(column, 0) for column in COLUMNS))
        for (day, agency, procedure), counts in sorted(sums.items())
    ]
    with connections[using].cursor() as cursor:
        cursor.executemany(sql, params)


def add_sums(days: Sums, months: Sums, using: str = "default") -> None:
    """For the rebuild: sums worked out elsewhere, added the same way."""
    _add(DayTally, "day", days, using)
    _add(MonthTally, "month", months, using)
