"""Restoring an older backup forgets the rows of every upload made after
it, but not their files. The daily orphan sweep must not take those for
rolled-back work: it moves them to recovery/ and lists them. Orphans that
were already orphans when the backup was taken, and those the restored
system makes afterwards, are deleted as every day."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.testing import PDF_BYTES, make_dossier, pdf_upload
from dichvucong.dossiers.uploads import add_attachment

pytestmark = pytest.mark.django_db(transaction=True)


class Boom(Exception):
    pass


@dataclass
class Scene:
    dossier: Dossier
    kept: set[str]  # files the restored rows name
    old_orphan: str  # left by work rolled back two hours before the backup
    newer: str  # uploaded after the backup, its row lost by the restore
    newer_bytes: bytes


def _stored(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def _rolled_back_upload(cast, dossier: Dossier) -> None:
    with pytest.raises(Boom), transaction.atomic():
        add_attachment(dossier, cast.applicant, pdf_upload("bi-huy.pdf"))
        raise Boom


def _age(path: Path, moment: datetime) -> None:
    os.utime(path, (moment.timestamp(), moment.timestamp()))


@pytest.fixture
def scene(cast, media_root: Path, tmp_path: Path) -> Scene:
    dossier = make_dossier(cast)
    kept = set(Attachment.objects.values_list("file", flat=True))
    _rolled_back_upload(cast, dossier)
    (old_orphan,) = _stored(media_root) - kept
    _age(media_root / old_orphan, timezone.now() - timedelta(hours=2))
    archive = tmp_path / "sao-luu.tar"
    call_command("backup", "--output", str(archive), stdout=StringIO())

    content = PDF_BYTES + os.urandom(1024)
    newer = add_attachment(dossier, cast.applicant, pdf_upload("bo-sung.pdf", content))
    call_command("restore", str(archive), "--force", stdout=StringIO())

    assert not Attachment.objects.filter(pk=newer.pk).exists()
    assert set(Attachment.objects.values_list("file", flat=True)) == kept
    return Scene(dossier, kept, old_orphan, newer.file.name, content)


def _sweep(*options: str) -> str:
    told = StringIO()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        call_command("purge_orphan_files", *options, stdout=told)
    return told.getvalue()


def test_an_upload_newer_than_the_backup_is_set_aside_and_listed(scene, media_root):
    planned = _sweep("--dry-run")
    assert scene.newer in planned and "Sẽ để riêng 1 tệp" in planned
    assert (media_root / scene.newer).exists()

    told = _sweep()

    assert not (media_root / scene.newer).exists()
    (recovered,) = (media_root / "recovery").rglob("*.pdf")
    assert recovered.read_bytes() == scene.newer_bytes
    recovery, stamp, *name = recovered.relative_to(media_root).parts
    assert recovery == "recovery" and "/".join(name) == scene.newer
    assert "Đã để riêng 1 tệp" in told and scene.newer in told
    assert str(media_root / "recovery" / stamp) in told  # where to look


def test_an_orphan_older_than_the_backup_is_still_deleted(scene, media_root):
    told = _sweep()

    assert not (media_root / scene.old_orphan).exists()
    assert scene.old_orphan in told and "Đã xóa 1 tệp" in told
    assert scene.kept <= _stored(media_root)


def test_work_rolled_back_after_the_restore_is_deleted_as_every_day(cast, scene, media_root):
    _sweep()  # the restore's leftovers are dealt with
    before = _stored(media_root)
    _rolled_back_upload(cast, scene.dossier)
    (fresh,) = _stored(media_root) - before

    told = _sweep()

    assert not (media_root / fresh).exists()
    assert "Đã xóa 1 tệp" in told and "để riêng" not in told
    assert not list((media_root / "recovery").rglob(Path(fresh).name))
