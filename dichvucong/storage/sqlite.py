"""SQLite with its online backup API, both ways.

Taking: the API copies the database page by page in one step from a read
transaction, so the copy is one consistent moment even while the app
writes (in WAL mode writers go on meanwhile). Restoring: the same API
copies the archived database over the live one inside one write
transaction, so the target is either all old or all new."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError

DUMP_NAME = "db.sqlite3"


def dump(connection: BaseDatabaseWrapper, path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        # A self-contained file: no -wal beside it to forget.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(_("Không sao lưu được SQLite: %(error)s") % {"error": error}) from error
    finally:
        target.close()


def load(connection: BaseDatabaseWrapper, path: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # A damaged file would be copied in page by page all the same.
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick_check")
        source.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(
            _("Không khôi phục được SQLite (%(error)s); cơ sở dữ liệu vẫn như trước.")
            % {"error": error}
        ) from error
    finally:
        source.close()
