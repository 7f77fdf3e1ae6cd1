"""Attachments: what may be uploaded, checked by content, stored under a
generated name outside the web root."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.conf import settings
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
from dichvucong.lib import filecheck

# The name rule lives in lib/filecheck.py; this is its name here.
safe_name = filecheck.clean_name


class UploadError(Exception):
    """The file is refused; the message says why, in Vietnamese."""


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_file(
    upload: Any, accepted: filecheck.Accepted = filecheck.DOCUMENTS
) -> filecheck.Checked:
    """The one rule for a file someone gives us (lib/filecheck.py): its
    clean name and its type, proved by its content. Raises UploadError
    with the reason in Vietnamese."""
    try:
        return filecheck.check_upload(
            upload.name or "",
            getattr(upload, "content_type", None),
            upload,
            accepted,
            max_pixels=settings.UPLOAD_MAX_IMAGE_PIXELS,
        )
    except filecheck.FileRefused as error:
        raise UploadError(error.text(_)) from None


def _check_size(upload: UploadedFile) -> None:
    if upload.size is None or upload.size == 0:
        raise UploadError(_("Tệp rỗng."))
    if upload.size > MAX_FILE_BYTES:
        raise UploadError(_("Tệp quá lớn: tối đa %(max)s mỗi tệp.")
                          % {"max": human_size(MAX_FILE_BYTES)})


def _check_dossier_total(dossier: Dossier, upload: UploadedFile) -> None:
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


def add_attachment(dossier: Dossier, actor: Any, upload: UploadedFile, *,
                   document: Any = None, kind: str = AttachmentKind.APPLICATION,
                   requested: str = "") -> Attachment:
    """Check and store one file. Raises UploadError, storing nothing, when
    the type, content or size is not acceptable. The content is read
    before the dossier is locked: a long PDF scan holds nobody up."""
    _check_size(upload)
    checked = check_file(upload)
    return _store(dossier, actor, upload, checked, document, kind, requested[:300])


@operation
def _store(dossier: Dossier, actor: Any, upload: UploadedFile, checked: filecheck.Checked,
           document: Any, kind: str, requested: str = "") -> Attachment:
    # Lock the dossier so two uploads at once cannot both fit under the
    # per-dossier limit and together exceed it.
    dossier = lock_dossier(dossier)
    _check_dossier_total(dossier, upload)
    name = checked.name
    attachment = Attachment(
        dossier=dossier, document=document, kind=kind, original_name=name, requested=requested,
        content_type=checked.file_type.content_type, size=upload.size, sha256=_sha256(upload),
        uploaded_by=actor,
    )
    attachment.file.save(f"{uuid.uuid4().hex}{checked.extension}", upload, save=False)
    attachment.save()
    if dossier.status != Status.DRAFT:
        # The timeline names the file and the document it is.
        events.record(dossier, actor=actor, kind=EventKind.DOCUMENT,
                      data={"added": name, "kind": kind, "sha256": attachment.sha256,
                            "document": attachment.document_name})
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment, actor: Any) -> None:
    """Only a draft's files may be removed; a dossier's files are evidence."""
    if attachment.dossier.status != Status.DRAFT:
        raise UploadError(_("Không thể xóa giấy tờ của hồ sơ đã nộp."))
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
