"""PostgreSQL with its own tools: pg_dump in custom format to take, and
pg_restore to give back.

pg_dump reads one snapshot, so the dump is consistent while the app runs.
Restoring drops the target's tables and replays pg_restore's script
through psql in a single transaction: a failure anywhere leaves the
database exactly as it was. Owners and grants are left out both ways, so
the dump carries no role names and restores under whatever role the app
connects as.

The connection's password goes to the tools in PGPASSWORD, never on a
command line that `ps` shows; their error output is cut to its first
error line, which never holds a row's data (the DETAIL and CONTEXT lines
that may quote one are dropped)."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path
from subprocess import DEVNULL, PIPE, Popen
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError

DUMP_NAME = "db.pgdump"
# libpq options Django passes through OPTIONS that the tools need too.
LIBPQ_OPTIONS = ("sslmode", "sslrootcert", "sslcert", "sslkey", "options", "service")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            _(
                "Không tìm thấy chương trình %(name)s của PostgreSQL. Cài gói postgresql-client "
                "(Debian/Ubuntu: apt install postgresql-client) cùng phiên bản với máy chủ "
                "hoặc mới hơn."
            )
            % {"name": name}
        )
    return found


def _environment(connection: BaseDatabaseWrapper) -> dict[str, str]:
    settings: dict[str, Any] = connection.settings_dict
    options = settings.get("OPTIONS", {})
    values = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGDATABASE": settings.get("NAME"),
        **{f"PG{key.upper()}": options.get(key) for key in LIBPQ_OPTIONS},
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def _first_error(output: bytes) -> str:
    lines = output.decode(errors="replace").splitlines()
    errors = [line for line in lines if "ERROR:" in line or "error:" in line or "FATAL:" in line]
    return (errors or lines or ["?"])[0].strip()[:300]


def _start(command: list[str], connection: BaseDatabaseWrapper, **streams: Any) -> Popen[bytes]:
    # Our own argument list: a tool found on PATH, fixed options, our paths.
    return Popen(command, env=_environment(connection), **streams)  # noqa: S603


def dump(connection: BaseDatabaseWrapper, path: Path) -> None:
    command = [tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
    with tempfile.TemporaryFile() as errors:
        done = _start([*command, f"--file={path}"], connection, stderr=errors).wait()
        errors.seek(0)
        if done != 0:
            raise BackupError(
                _("pg_dump không sao lưu được: %(error)s") % {"error": _first_error(errors.read())}
            )


def _drop_tables(connection: BaseDatabaseWrapper) -> str:
    """Drops what is there first, so a target at other migrations (or with
    data, under --force) ends up exactly as the dump."""
    tables = connection.introspection.table_names()
    if not tables:
        return "SELECT 1"
    names = ", ".join(connection.ops.quote_name(table) for table in tables)
    return f"DROP TABLE IF EXISTS {names} CASCADE"


def load(connection: BaseDatabaseWrapper, path: Path) -> None:
    script = [tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(path)]
    apply = [
        tool("psql"),
        "--no-psqlrc",
        "--quiet",
        "--set=ON_ERROR_STOP=1",
        "--single-transaction",
        "--command",
        _drop_tables(connection),
        "--file=-",
    ]
    with tempfile.TemporaryFile() as errors:
        reader = _start(script, connection, stdout=PIPE, stderr=errors)
        connection.close()  # holds no lock on the tables being dropped
        writer = _start(apply, connection, stdin=PIPE, stdout=DEVNULL, stderr=errors)
        complete = _pass_on(reader, writer)
        if not complete:
            writer.kill()  # before the end of its input: psql commits nothing
        with suppress(BrokenPipeError):
            writer.stdin.close()  # type: ignore[union-attr]  # the end: psql commits
        if writer.wait() or not complete:
            errors.seek(0)
            raise BackupError(
                _("Không khôi phục được PostgreSQL (%(error)s); cơ sở dữ liệu vẫn như trước.")
                % {"error": _first_error(errors.read())}
            )


def _pass_on(reader: Popen[bytes], writer: Popen[bytes]) -> bool:
    """Feeds pg_restore's script to psql; True only when pg_restore wrote
    all of it. psql commits at the end of its input, so a script cut short
    by a failing pg_restore must never reach that end."""
    assert reader.stdout is not None and writer.stdin is not None
    try:
        while chunk := reader.stdout.read(1024 * 1024):
            writer.stdin.write(chunk)
        writer.stdin.flush()
    except BrokenPipeError:  # psql stopped at an error and rolled back
        reader.kill()
    reader.stdout.close()
    return reader.wait() == 0 and writer.poll() is None
