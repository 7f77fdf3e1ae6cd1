"""Writing generated rows: plain multi-row INSERTs (any database) or COPY
(PostgreSQL, psycopg 3). Rows are dicts of column attnames with their ids
already set (ids.py), so nothing has to be read back after writing.

Not bulk_create: it would run each field's pre_save, and the auto_now
columns (created_at, updated_at, uploaded_at) would all say "now" instead
of the dates the data is about. The INSERT writer does what bulk_create
does underneath, in batches, without the model instances."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Field, Model

Row = dict[str, Any]
INSERT_BATCH = 1000


class Writer:
    """Counts what it writes; `finish` moves the id sequences past it."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.models: set[type[Model]] = set()

    def write(self, model: type[Model], rows: list[Row]) -> None:
        if not rows:
            return
        fields = _columns(model)
        values = _tuples(fields, rows, self.converters(fields))
        self._write(model._meta.db_table, [f.column for f in fields], values)
        self.counts[model._meta.db_table] += len(rows)
        self.models.add(model)

    def converters(self, fields: list[Field[Any, Any]]) -> list[Callable[[Any], Any] | None]:
        raise NotImplementedError

    def _write(self, table: str, columns: list[str], values: Iterable[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Explicit ids leave PostgreSQL's sequences behind: move them on."""
        statements = connection.ops.sequence_reset_sql(no_style(), sorted(self.models, key=str))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


class InsertWriter(Writer):
    def converters(self, fields: list[Field[Any, Any]]) -> list[Callable[[Any], Any] | None]:
        if connection.vendor != "sqlite":
            return [_json if f.get_internal_type() == "JSONField" else None for f in fields]
        return [SQLITE_CONVERTERS.get(f.get_internal_type()) for f in fields]

    def _write(self, table: str, columns: list[str], values: Iterable[tuple[Any, ...]]) -> None:
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in columns)
        row = "(" + ", ".join(["%s"] * len(columns)) + ")"
        batch = max(1, min(INSERT_BATCH, 30000 // len(columns)))  # under SQLite's 32,766
        pending = list(values)
        with connection.cursor() as cursor:
            for start in range(0, len(pending), batch):
                chunk = pending[start : start + batch]
                # Table and column names come from the models, never from input.
                values_sql = ", ".join([row] * len(chunk))
                sql = f"INSERT INTO {quote(table)} ({names}) VALUES {values_sql}"  # noqa: S608
                cursor.execute(sql, [v for t in chunk for v in t])


class CopyWriter(Writer):
    """COPY … FROM STDIN through psycopg 3: several times faster than INSERT."""

    def converters(self, fields: list[Field[Any, Any]]) -> list[Callable[[Any], Any] | None]:
        return [_json if f.get_internal_type() == "JSONField" else None for f in fields]

    def _write(self, table: str, columns: list[str], values: Iterable[tuple[Any, ...]]) -> None:
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in columns)
        with connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg cursor under Django's wrapper
            with raw.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)


def writer_for(kind: str = "auto") -> Writer:
    """ "copy" or "insert"; "auto" takes COPY wherever there is one."""
    if kind == "auto":
        kind = "copy" if connection.vendor == "postgresql" else "insert"
    if kind == "copy" and connection.vendor != "postgresql":
        raise ValueError("COPY needs PostgreSQL")
    return CopyWriter() if kind == "copy" else InsertWriter()


def _columns(model: type[Model]) -> list[Field[Any, Any]]:
    return list(model._meta.concrete_fields)


def _tuples(
    fields: list[Field[Any, Any]], rows: list[Row], converters: list[Callable[[Any], Any] | None]
) -> Iterable[tuple[Any, ...]]:
    plan = [
        (f.attname, _default(f), convert) for f, convert in zip(fields, converters, strict=True)
    ]
    for row in rows:
        values = []
        for name, default, convert in plan:
            value = row[name] if name in row else default()
            values.append(convert(value) if convert is not None and value is not None else value)
        yield tuple(values)


def _default(field: Field[Any, Any]) -> Callable[[], Any]:
    if field.has_default() and callable(field.default):
        return field.get_default
    value = field.get_default()
    return lambda: value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _sqlite_datetime(value: datetime) -> str:
    """As Django's SQLite backend stores it (USE_TZ): naive UTC text."""
    return str(value.astimezone(UTC).replace(tzinfo=None))


# What Django's SQLite backend would make of each value, without a call
# through the field for each (ten times slower at a million rows).
SQLITE_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "DateTimeField": _sqlite_datetime,
    "DateField": str,
    "UUIDField": lambda value: value.hex,
    "JSONField": _json,
}
