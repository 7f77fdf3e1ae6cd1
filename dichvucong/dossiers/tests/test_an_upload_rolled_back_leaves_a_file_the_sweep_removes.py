"""A file is written before its row commits: when the transaction around an
upload rolls back, the file stays on disk with no row. The sweep
(storage.orphans, `manage.py purge_orphan_files`) removes it after an hour and
never touches a file a row still names."""

from __future__ import annotations

import os
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from dichvucong.dossiers.models import Attachment
from dichvucong.dossiers.testing import make_draft, pdf_upload
from dichvucong.dossiers.uploads import add_attachment
from dichvucong.storage import orphans


class Boom(Exception):
    pass


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _files(root) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def _age_all(root, hours: float) -> None:
    moment = time.time() - hours * 3600
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (moment, moment))


def test_the_file_of_a_rolled_back_upload_is_swept_and_the_kept_one_stays(cast, media_root):
    draft = make_draft(cast)
    add_attachment(draft, cast.applicant, pdf_upload("giu-lai.pdf"))
    named = set(Attachment.objects.values_list("file", flat=True))
    with pytest.raises(Boom), transaction.atomic():
        add_attachment(draft, cast.applicant, pdf_upload("bi-huy.pdf"))
        raise Boom
    assert set(Attachment.objects.values_list("file", flat=True)) == named
    stored = _files(media_root)
    (orphan,) = stored - named

    assert orphans.purge_orphans().deleted == []  # younger than an hour: may be committing
    _age_all(media_root, hours=2)
    listed = StringIO()
    call_command("purge_orphan_files", "--dry-run", stdout=listed)
    assert orphan in listed.getvalue() and _files(media_root) == stored

    call_command("purge_orphan_files", stdout=StringIO())
    assert _files(media_root) == named


def test_a_file_outside_the_models_folders_is_never_swept(cast, media_root):
    stray = media_root / "khac" / "ghi-chu.txt"
    stray.parent.mkdir(parents=True)
    stray.write_text("không thuộc hệ thống tệp của hồ sơ")
    _age_all(media_root, hours=48)
    assert orphans.purge_orphans().deleted == []
    assert stray.exists()
