"""The demo for tests, loaded for real once per test process and copied
in afterwards.

`manage.py load_demo` goes through the real lifecycle (tens of seconds);
several test modules each need the demo loaded in their own transaction,
rolled back at their end. The first load in a process is a real one; its
rows are read back and kept, and a later load that would start from the
same database (every row equal), on the same day, with the files it wrote
still in place, inserts those rows instead: the rows, files and output a
real load would leave. Anything else loads for real again.
"""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction
from django.utils import timezone

Rows = dict[str, list[tuple[Any, ...]]]
Files = dict[str, tuple[int, int] | None]


@dataclass
class Snapshot:
    before: Rows
    columns: dict[str, list[str]]
    added: Rows
    replaced: Rows  # tables whose rows the load changed: written whole
    files: Files
    output: str
    hooks: int  # what the load left to run on commit
    copies: int = field(default=0)


_snapshots: dict[tuple[Any, ...], Snapshot] = {}


def load_demo(using: str = "default") -> str:
    """`call_command("load_demo")` in effect; returns what it printed."""
    return loaded_once("load_demo", _load_demo, using)


def _load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def loaded_once(name: str, load: Callable[[], str], using: str = "default") -> str:
    """`load()` (which writes rows and files and returns its output), or
    the copy of what it wrote when it last ran in this process from here."""
    connection = connections[using]
    # Outside a transaction, what a load leaves for the commit runs: a
    # load that left something is copied only inside one.
    nested = connection.in_atomic_block
    key = (name, using, timezone.localdate(), *_folders())
    with transaction.atomic(using=using):
        before = _read(connection)
        snapshot = _snapshots.get(key)
        if snapshot and _same_start(snapshot, before) and (nested or not snapshot.hooks):
            _write(connection, snapshot)
            snapshot.copies += 1
            return snapshot.output
        files = _files()
        hooks = len(connection.run_on_commit)
        output = load()
        hooks = len(connection.run_on_commit) - hooks
        _snapshots[key] = _snapshot(connection, before, files, output, hooks)
        return output


def _same_start(snapshot: Snapshot, before: Rows) -> bool:
    return snapshot.before == before and _files_kept(snapshot.files)


def copies(name: str = "load_demo") -> int:
    """How many loads of `name` were copies (for the tests of this module)."""
    return sum(s.copies for key, s in _snapshots.items() if key[0] == name)


def forget() -> None:
    _snapshots.clear()


def _folders() -> tuple[str, ...]:
    return (str(settings.MEDIA_ROOT), str(settings.SIGNING_DEMO_DIR))


def _tables(connection: Any) -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def _read(connection: Any, columns: dict[str, list[str]] | None = None) -> Rows:
    rows: Rows = {}
    with connection.cursor() as cursor:
        for table in _tables(connection):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = sorted((_plain(row) for row in cursor.fetchall()), key=repr)
            if columns is not None:
                columns[table] = [column[0] for column in cursor.description]
    return rows


def _plain(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(bytes(value) if isinstance(value, memoryview) else value for value in row)


def _snapshot(
    connection: Any, before: Rows, files: Files, output: str, hooks: int
) -> Snapshot:
    columns: dict[str, list[str]] = {}
    after = _read(connection, columns)
    added: Rows = {}
    replaced: Rows = {}
    for table, rows in after.items():
        old = before.get(table, [])
        if set(map(repr, old)) <= set(map(repr, rows)):
            kept = set(map(repr, old))
            new = [row for row in rows if repr(row) not in kept]
            if new:
                added[table] = new
        else:
            replaced[table] = rows
    now = _files()
    written = {path: stat for path, stat in now.items() if files.get(path) != stat}
    return Snapshot(before, columns, added, replaced, written, output, hooks)


def _write(connection: Any, snapshot: Snapshot) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in snapshot.replaced:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        for table, rows in [*snapshot.replaced.items(), *snapshot.added.items()]:
            names = snapshot.columns[table]
            marks = ", ".join(["%s"] * len(names))
            sql = f"INSERT INTO {quote(table)} ({', '.join(map(quote, names))}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, [tuple(map(_writable, row)) for row in rows])
        tables = {*snapshot.replaced, *snapshot.added}
        models = apps.get_models(include_auto_created=True)
        models = [model for model in models if model._meta.db_table in tables]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def _writable(value: Any) -> Any:
    # SQLite's driver reads a time column as a time (Django's converter)
    # but has no adapter to write one back; Django writes it as text.
    return value.isoformat() if isinstance(value, datetime.time) else value


def _files() -> Files:
    """Every file in the folders a load writes to, with its size and time."""
    found: Files = {}
    for folder in _folders():
        for root, _dirs, names in os.walk(folder):
            for name in names:
                found[os.path.join(root, name)] = _stat(os.path.join(root, name))
    return found


def _stat(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _files_kept(files: Files) -> bool:
    return all(_stat(path) == stat for path, stat in files.items())
