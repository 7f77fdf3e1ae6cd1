"""Attachments: what may be uploaded, checked by content, stored under a
generated name outside the web root."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from pathlib import PurePosixPath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from dichvucong.conflicts import operation
from dichvucong.dossiers import events
from dichvucong.dossiers.constants import (
    MAX_DOSSIER_BYTES,
    MAX_FILE_BYTES,
    AttachmentKind,
    EventKind,
    Status,
)
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Attachment, Dossier

# Content type -> (magic bytes at the start of the file, extensions allowed).
ALLOWED_TYPES: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "application/pdf": (b"%PDF-", (".pdf",)),
    "image/jpeg": (b"\xff\xd8\xff", (".jpg", ".jpeg")),
    "image/png": (b"\x89PNG\r\n\x1a\n", (".png",)),
}
UNSAFE_CHARS = re.compile(r"[^\w\-. ()]+", re.UNICODE)


class UploadError(Exception):
    """The file is refused; the message says why, in Vietnamese."""


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def safe_name(name: str) -> str:
    """The base name only, NFC, no path or control characters, at most 100
    characters, never empty."""
    base = PurePosixPath(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFC", base)
    base = UNSAFE_CHARS.sub("_", base).strip(" .") or "tep"
    stem, dot, ext = base.rpartition(".")
    if dot and len(ext) <= 5:
        return f"{stem[:90]}.{ext.lower()}"
    return base[:100]


def content_type_of(upload: UploadedFile) -> str:
    """The type the content proves, checked against the file's extension."""
    ext = PurePosixPath(upload.name or "").suffix.lower()
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for content_type, (magic, extensions) in ALLOWED_TYPES.items():
        if ext in extensions:
            if not head.startswith(magic):
                raise UploadError(_("Nội dung tệp không đúng định dạng %(ext)s.") % {"ext": ext})
            return content_type
    raise UploadError(_("Chỉ nhận tệp PDF, JPG hoặc PNG."))


def _check_sizes(dossier: Dossier, upload: UploadedFile) -> None:
    if upload.size is None or upload.size == 0:
        raise UploadError(_("Tệp rỗng."))
    if upload.size > MAX_FILE_BYTES:
        raise UploadError(_("Tệp quá lớn: tối đa %(max)s mỗi tệp.")
                          % {"max": human_size(MAX_FILE_BYTES)})
    used = dossier.attachments.aggregate(total=Sum("size"))["total"] or 0
    if used + upload.size > MAX_DOSSIER_BYTES:
        raise UploadError(_("Tổng dung lượng hồ sơ vượt quá %(max)s.")
                          % {"max": human_size(MAX_DOSSIER_BYTES)})


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@operation
def add_attachment(dossier: Dossier, actor: Any, upload: UploadedFile, *,
                   document: Any = None, kind: str = AttachmentKind.APPLICATION) -> Attachment:
    """Check and store one file. Raises UploadError, storing nothing, when
    the type, content or size is not acceptable."""
    # Lock the dossier so two uploads at once cannot both fit under the
    # per-dossier limit and together exceed it.
    dossier = lock_dossier(dossier)
    _check_sizes(dossier, upload)
    content_type = content_type_of(upload)
    name = safe_name(upload.name or "tep")
    ext = ALLOWED_TYPES[content_type][1][0]
    attachment = Attachment(
        dossier=dossier, document=document, kind=kind, original_name=name,
        content_type=content_type, size=upload.size, sha256=_sha256(upload),
        uploaded_by=actor,
    )
    attachment.file.save(f"{uuid.uuid4().hex}{ext}", upload, save=False)
    attachment.save()
    if dossier.status != Status.DRAFT:
        events.record(dossier, actor=actor, kind=EventKind.DOCUMENT,
                      data={"added": name, "kind": kind, "sha256": attachment.sha256})
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment, actor: Any) -> None:
    """Only a draft's files may be removed; a dossier's files are evidence."""
    if attachment.dossier.status != Status.DRAFT:
        raise UploadError(_("Không thể xóa giấy tờ của hồ sơ đã nộp."))
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
