"""A restore reads the whole archive and looks at the target before it
changes anything: a damaged, cut, foreign or newer archive, a name that
would escape the storage, or a database that still holds data is refused
with a message saying why, and the target database and storage stay as
they were (no table, no file, no restore mark)."""

from __future__ import annotations

import io
import json
import os
import tarfile
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier

pytestmark = pytest.mark.django_db(transaction=True)
Edit = Callable[[str, bytes], bytes | None]


@pytest.fixture
def archive(cast, media_root: Path, tmp_path: Path) -> Path:
    make_dossier(cast)
    path = tmp_path / "sao-luu.tar"
    call_command("backup", "--output", str(path), stdout=StringIO())
    return path


def _rewritten(source: Path, edit: Edit) -> Path:
    """A copy of the archive with each member's bytes passed through
    `edit` (None leaves the member out)."""
    target = source.with_name("sua-" + source.name)
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for info in old.getmembers():
            data = edit(info.name, old.extractfile(info).read())  # type: ignore[union-attr]
            if data is not None:
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))
    return target


def _manifest(change: Callable[[dict], None]) -> Edit:
    def edit(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        body = json.loads(data)
        change(body)
        return json.dumps(body).encode()

    return edit


def _flip_a_byte_of_a_file(name: str, data: bytes) -> bytes:
    if not name.startswith("files/dossiers/"):
        return data
    return data[:-1] + bytes([data[-1] ^ 1])


def _drop_the_database(name: str, data: bytes) -> bytes | None:
    return None if name.startswith("database/") else data


def _other_vendor(body: dict) -> None:
    body["vendor"] = "postgresql" if body["vendor"] == "sqlite" else "sqlite"


def _newer_software(body: dict) -> None:
    body["migrations"]["dossiers"].append("9999_from_the_future")


def _escaping_name(body: dict) -> None:
    body["files"][0]["name"] = "../../etc/cron.d/x"


CASES = {
    "a flipped byte": (_flip_a_byte_of_a_file, "không khớp mã kiểm tra SHA-256"),
    "a missing member": (_drop_the_database, "thiếu database/"),
    "another vendor": (_manifest(_other_vendor), "không khôi phục được vào"),
    "newer software": (_manifest(_newer_software), "9999_from_the_future"),
    "a name outside the storage": (_manifest(_escaping_name), "tên không hợp lệ"),
}


def _untouched(alias: str, media: Path) -> None:
    assert connections[alias].introspection.table_names() == []
    assert not media.exists() or not any(media.rglob("*"))


@pytest.mark.parametrize("case", CASES)
def test_a_bad_archive_is_refused_and_nothing_is_written(
    case, archive, restored_db, settings, tmp_path
):
    edit, reason = CASES[case]
    bad = _rewritten(archive, edit)
    settings.MEDIA_ROOT = tmp_path / "may-moi"

    with pytest.raises(CommandError, match=reason):
        call_command("restore", str(bad), "--database", restored_db)

    _untouched(restored_db, settings.MEDIA_ROOT)


def test_a_file_that_is_no_archive_is_refused(restored_db, settings, tmp_path):
    stray = tmp_path / "khong-phai.tar"
    stray.write_bytes(os.urandom(4096))
    settings.MEDIA_ROOT = tmp_path / "may-moi"

    with pytest.raises(CommandError, match="Không đọc được tệp sao lưu"):
        call_command("restore", str(stray), "--database", restored_db)

    _untouched(restored_db, settings.MEDIA_ROOT)


def test_a_database_with_data_is_kept_unless_forced(cast, archive, media_root):
    newer = make_dossier(cast)  # made after the backup: a restore would lose it
    files_before = {path for path in media_root.rglob("*") if path.is_file()}

    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive))

    assert Dossier.objects.filter(pk=newer.pk).exists()
    assert {path for path in media_root.rglob("*") if path.is_file()} == files_before
    assert not (media_root / "restores").exists()
