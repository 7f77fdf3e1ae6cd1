"""pg_dump, pg_restore and psql are separate programs: on a machine
without them the backup and the restore say which one is missing and what
to install, before they touch anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from dichvucong.storage import BackupError, postgres

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("step, tool", [(postgres.dump, "pg_dump"), (postgres.load, "pg_restore")])
def test_a_missing_tool_is_named(step, tool: str, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "trong"))
    target = tmp_path / "db.pgdump"

    with pytest.raises(BackupError) as refused:
        step(connection, target)

    assert tool in str(refused.value)
    assert "postgresql-client" in str(refused.value)
    assert not target.exists()
