"""Campaign materials: each upload is a new version; the latest is what
schools download. Files are checked by content, stored under generated
names outside the web root, and served only through the download view."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from dichvucong.dossiers.uploads import safe_name
from dichvucong.outreach.models import Campaign, Material, MaterialVersion

ZIP = b"PK\x03\x04"  # .docx, .pptx, .odt, .odp are zip containers
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc and .ppt
# Extension -> (content type, test of the first bytes).
TYPES: dict[str, tuple[str, Any]] = {
    ".pdf": ("application/pdf", lambda head: head.startswith(b"%PDF-")),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        lambda head: head.startswith(ZIP),
    ),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda head: head.startswith(ZIP),
    ),
    ".odp": ("application/vnd.oasis.opendocument.presentation", lambda h: h.startswith(ZIP)),
    ".odt": ("application/vnd.oasis.opendocument.text", lambda h: h.startswith(ZIP)),
    ".ppt": ("application/vnd.ms-powerpoint", lambda head: head.startswith(OLE)),
    ".doc": ("application/msword", lambda head: head.startswith(OLE)),
    ".mp4": ("video/mp4", lambda head: head[4:8] == b"ftyp"),
    ".webm": ("video/webm", lambda head: head.startswith(b"\x1a\x45\xdf\xa3")),
}
MAX_BYTES = 200 * 1024 * 1024  # a ten-minute training video


class MaterialFileError(Exception):
    """The file is refused; the message says why, in Vietnamese."""


def content_type_of(upload: File) -> str:
    ext = PurePosixPath(upload.name or "").suffix.lower()
    if ext not in TYPES:
        raise MaterialFileError(
            _("Chỉ nhận tệp PDF, Word, PowerPoint, OpenDocument hoặc video MP4, WebM.")
        )
    if not upload.size:
        raise MaterialFileError(_("Tệp rỗng."))
    if upload.size > MAX_BYTES:
        raise MaterialFileError(_("Tệp quá lớn: tối đa 200 MB."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type, looks_right = TYPES[ext]
    if not looks_right(head):
        raise MaterialFileError(_("Nội dung tệp không đúng định dạng %(ext)s.") % {"ext": ext})
    return content_type


def add_version(
    material: Material, upload: File, *, note: str = "", by: Any = None
) -> MaterialVersion:
    """The next version of `material`. The material row is locked so two
    uploads at once get different numbers."""
    content_type = content_type_of(upload)
    ext = PurePosixPath(upload.name or "").suffix.lower()
    with transaction.atomic():
        Material.objects.select_for_update().filter(pk=material.pk).first()
        last = material.versions.aggregate(last=Max("number"))["last"] or 0
        version = MaterialVersion(
            material=material,
            number=last + 1,
            note=note,
            original_name=safe_name(upload.name or ""),
            content_type=content_type,
            size=upload.size or 0,
            uploaded_by=by,
        )
        version.file.save(f"{uuid.uuid4().hex}{ext}", upload, save=False)
        version.save()
    return version


def create_material(
    campaign: Campaign,
    *,
    title: str,
    kind: str,
    description: str,
    upload: File,
    note: str = "",
    by: Any = None,
) -> Material:
    with transaction.atomic():
        content_type_of(upload)  # refuse a bad file before the material exists
        material = Material.objects.create(
            campaign=campaign, title=title, kind=kind, description=description
        )
        add_version(material, upload, note=note, by=by)
    return material
