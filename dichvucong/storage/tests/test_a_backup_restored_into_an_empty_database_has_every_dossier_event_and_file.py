"""`manage.py backup`, then `manage.py restore` into a database with no
table and a storage with no file: every dossier comes back with its status,
form and code, its event chain intact and equal to the original, and every
file with the bytes its SHA-256 names. The SQLite test uses the online
backup API, the PostgreSQL one pg_dump and pg_restore."""

from __future__ import annotations

import json
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from dichvucong.storage.tests.backups import holdings, make_district

pytestmark = pytest.mark.django_db(transaction=True)
ROUTER = "dichvucong.storage.tests.backups.ReadTheRestoredDatabase"


def _stored(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def _round_trip(cast, restored_db: str, settings, tmp_path: Path) -> None:
    make_district(cast)
    before = holdings()
    original_files = _stored(settings.MEDIA_ROOT)
    archive = tmp_path / "sao-luu.tar"
    taken = StringIO()
    call_command("backup", "--output", str(archive), stdout=taken)

    settings.MEDIA_ROOT = tmp_path / "may-moi"  # a new machine: no file yet
    told = StringIO()
    call_command("restore", str(archive), "--database", restored_db, stdout=told)

    with (
        override_settings(DATABASE_ROUTERS=[ROUTER]),
        CaptureQueriesContext(connections[restored_db]) as restored,
        CaptureQueriesContext(connection) as original,
    ):
        after = holdings()
    assert len(restored) > 0 and len(original) == 0  # read from the restored copy alone
    assert after == before
    assert len(after) == 11
    assert all(dossier["chain problems"] == [] for dossier in after.values())
    assert sum(len(dossier["files"]) for dossier in after.values()) == 14
    assert sum(1 for dossier in after.values() if dossier["result"]) == 2
    restored_files = _stored(settings.MEDIA_ROOT)
    assert {name for name in restored_files if not name.startswith("restores/")} == original_files
    assert "11 hồ sơ" in told.getvalue()
    _nothing_personal(cast, archive, taken.getvalue() + told.getvalue())


def _nothing_personal(cast, archive: Path, output: str) -> None:
    with tarfile.open(archive) as tar:
        manifest = tar.extractfile("manifest.json").read().decode()  # type: ignore[union-attr]
    assert json.loads(manifest)["vendor"] == connection.vendor
    for personal in (
        cast.applicant.full_name,
        cast.applicant.username,
        cast.applicant.citizen.phone,
        "Nguyễn Minh An",
    ):
        assert personal not in manifest
        assert personal not in output
        assert personal not in archive.name


def test_a_sqlite_backup_restores_into_an_empty_database(
    cast, restored_db, settings, media_root, tmp_path
):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup runs on the SQLite leg")
    _round_trip(cast, restored_db, settings, tmp_path)


@pytest.mark.postgres_only
def test_a_postgres_backup_restores_into_an_empty_database(
    cast, restored_db, settings, media_root, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore run on the PostgreSQL leg")
    _round_trip(cast, restored_db, settings, tmp_path)
