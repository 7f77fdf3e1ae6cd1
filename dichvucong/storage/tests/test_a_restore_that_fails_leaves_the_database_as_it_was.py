"""When the database cannot be restored (here a dump cut in half, with a
manifest that vouches for it, as a bad copy on the backup host would be)
the restore says so and the database is exactly as before: on PostgreSQL
the tables are dropped and recreated in one transaction that never
commits, on SQLite the dump is checked before it is copied in."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dichvucong.dossiers import events
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier

pytestmark = pytest.mark.django_db(transaction=True)


def _with_half_a_dump(source: Path) -> Path:
    target = source.with_name("nua-ban.tar")
    with tarfile.open(source) as old:
        members = {info.name: old.extractfile(info).read() for info in old.getmembers()}  # type: ignore[union-attr]
    (name,) = [name for name in members if name.startswith("database/")]
    members[name] = members[name][: len(members[name]) // 2]
    manifest = json.loads(members["manifest.json"])
    manifest["database"]["size"] = len(members[name])
    manifest["database"]["sha256"] = hashlib.sha256(members[name]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with tarfile.open(target, "w") as new:
        for member, data in members.items():
            info = tarfile.TarInfo(member)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return target


def test_a_dump_that_cannot_be_restored_changes_nothing(cast, media_root, tmp_path):
    make_dossier(cast)
    archive = tmp_path / "sao-luu.tar"
    call_command("backup", "--output", str(archive), stdout=StringIO())
    later = make_dossier(cast)  # not in the backup
    before = sorted(Dossier.objects.values_list("code", "status", "last_event_hash"))

    with pytest.raises(CommandError, match="vẫn như trước"):
        call_command("restore", str(_with_half_a_dump(archive)), "--force")

    assert sorted(Dossier.objects.values_list("code", "status", "last_event_hash")) == before
    assert Dossier.objects.filter(pk=later.pk).exists()
    assert all(events.verify(dossier) == [] for dossier in Dossier.objects.all())
