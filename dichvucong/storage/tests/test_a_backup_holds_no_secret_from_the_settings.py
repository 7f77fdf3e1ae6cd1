"""The archive holds citizens' data, so it is readable by its owner only,
but it never holds the secrets of the settings (the secret key, the SMTP
and payment secrets, the database address): an archive that leaks is not
also a key to the running system. The manifest says only what a restore
needs."""

from __future__ import annotations

import json
import stat
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from dichvucong.storage.tests.backups import make_district

pytestmark = pytest.mark.django_db(transaction=True)
SECRETS = {
    "SECRET_KEY": "khoa-bi-mat-9f2c41d7e0b84a6c",
    "EMAIL_HOST_PASSWORD": "mat-khau-smtp-3b7e19",
}
VNPAY_SECRET = "bi-mat-vnpay-5d8a2c"


def test_no_secret_of_the_settings_is_in_the_archive(
    cast, media_root, settings, tmp_path, monkeypatch
):
    for name, value in SECRETS.items():
        setattr(settings, name, value)
    monkeypatch.setenv("VNPAY_HASH_SECRET", VNPAY_SECRET)
    make_district(cast)
    archive = tmp_path / "sao-luu.tar"

    call_command("backup", "--output", str(archive), stdout=StringIO())

    raw = archive.read_bytes()
    for secret in [*SECRETS.values(), VNPAY_SECRET]:
        assert secret.encode() not in raw
    database = settings.DATABASES["default"]
    for address in (database.get("PASSWORD"), database.get("HOST")):
        if address:
            assert address.encode() not in raw
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def test_the_manifest_says_what_a_restore_needs_and_nothing_else(cast, media_root, tmp_path):
    make_district(cast)
    archive = tmp_path / "sao-luu.tar"
    call_command("backup", "--output", str(archive), stdout=StringIO())

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        members = set(tar.getnames())

    assert set(manifest) == {
        "format",
        "version",
        "taken_at",
        "vendor",
        "migrations",
        "database",
        "files",
    }
    assert all(set(entry) == {"name", "size", "sha256"} for entry in manifest["files"])
    assert {f"files/{entry['name']}" for entry in manifest["files"]} == {
        name for name in members if name.startswith("files/")
    }
    stored = {
        path.relative_to(media_root).as_posix()
        for path in Path(media_root).rglob("*")
        if path.is_file()
    }
    assert {entry["name"] for entry in manifest["files"]} == stored
