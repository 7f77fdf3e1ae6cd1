"""The hostile corpus (lib/tests/hostile_files.py) as uploads, and what the
applicant must read for each: the file's name, then the reason."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from django.utils.translation import gettext

from dichvucong.lib import filecheck
from dichvucong.lib.tests.hostile_files import HOSTILE_UPLOADS

CASES = pytest.mark.parametrize(
    ("name", "data", "declared"), HOSTILE_UPLOADS.values(), ids=HOSTILE_UPLOADS.keys()
)


def upload(name: str, data: bytes, declared: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=declared)


def refusal(name: str, data: bytes, declared: str) -> str:
    """ "<name>: <reason>", the reason as lib/filecheck.py words it."""
    with pytest.raises(filecheck.FileRefused) as caught:
        filecheck.check_upload(name, declared, io.BytesIO(data))
    return f"{filecheck.clean_name(name)}: {caught.value.text(gettext)}"


def shown(text: str) -> str:
    return escape(text)


def stored_files() -> list[str]:
    """The files under MEDIA_ROOT/dossiers (tmp_media makes it the test's own)."""
    media = Path(settings.MEDIA_ROOT) / "dossiers"
    return sorted(path.name for path in media.rglob("*") if path.is_file())
