"""SQLite's online backup API copies one moment of the database while the
app goes on writing in WAL mode: a writer that commits rows two at a time
is never caught half-way, and every row committed before the backup
started is in it, including those still only in the write-ahead log (a
plain copy of the database file would miss them)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

from dichvucong.storage import sqlite

pytestmark = pytest.mark.django_db
PAIRS = 2000


def _writer(path: Path, stop: threading.Event, written: list[int]) -> None:
    db = sqlite3.connect(path, isolation_level=None, timeout=20)
    for number in range(PAIRS):
        if stop.is_set():
            break
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO pairs (n, half) VALUES (?, 1)", (number,))
        db.execute("INSERT INTO pairs (n, half) VALUES (?, 2)", (number,))
        db.execute("COMMIT")
        written.append(number)
    db.close()


def _rows(path: Path) -> int:
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count = db.execute("SELECT count(*) FROM pairs").fetchone()[0]
    db.close()
    return count


def test_backups_taken_during_writes_hold_whole_transactions(tmp_path: Path):
    live = tmp_path / "db.sqlite3"
    setup = sqlite3.connect(live, isolation_level=None)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("PRAGMA wal_autocheckpoint=0")  # committed rows stay in the WAL
    setup.execute("CREATE TABLE pairs (n INTEGER, half INTEGER)")
    # The app's own kind of connection to that file, apart from the test database.
    handler = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": live}})
    stop, written = threading.Event(), []
    writer = threading.Thread(target=_writer, args=(live, stop, written))
    writer.start()
    try:
        counts = []
        for number in range(10):
            committed = len(written)
            sqlite.dump(handler["default"], tmp_path / f"copy-{number}.sqlite3")
            counts.append((committed, _rows(tmp_path / f"copy-{number}.sqlite3")))
    finally:
        stop.set()
        writer.join(timeout=60)
        handler.close_all()
        setup.close()

    assert all(rows % 2 == 0 and rows >= 2 * committed for committed, rows in counts)
    assert len({rows for _, rows in counts}) > 1  # the writer really was writing meanwhile
