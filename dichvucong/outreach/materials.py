"""Campaign materials: each upload is a new version; the latest is what
schools download. Files are checked by content, stored under generated
names outside the web root, and served only through the download view."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from dichvucong.dossiers.uploads import UploadError, check_file
from dichvucong.lib import filecheck
from dichvucong.outreach.models import Campaign, Material, MaterialVersion

MAX_BYTES = 200 * 1024 * 1024  # a ten-minute training video


class MaterialFileError(Exception):
    """The file is refused; the message says why, in Vietnamese."""


def checked_file(upload: File) -> filecheck.Checked:
    """The upload's clean name and type, by the same rule as a dossier's
    files (lib/filecheck.py), with the materials' own types and size."""
    if not upload.size:
        raise MaterialFileError(_("Tệp rỗng."))
    if upload.size > MAX_BYTES:
        raise MaterialFileError(_("Tệp quá lớn: tối đa 200 MB."))
    try:
        return check_file(upload, filecheck.MATERIALS)
    except UploadError as error:
        raise MaterialFileError(str(error)) from None


def add_version(
    material: Material, upload: File, *, note: str = "", by: Any = None
) -> MaterialVersion:
    """The next version of `material`. The material row is locked so two
    uploads at once get different numbers."""
    checked = checked_file(upload)
    with transaction.atomic():
        Material.objects.select_for_update().filter(pk=material.pk).first()
        last = material.versions.aggregate(last=Max("number"))["last"] or 0
        version = MaterialVersion(
            material=material,
            number=last + 1,
            note=note,
            original_name=checked.name,
            content_type=checked.file_type.content_type,
            size=upload.size or 0,
            uploaded_by=by,
        )
        version.file.save(f"{uuid.uuid4().hex}{checked.extension}", upload, save=False)
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
        checked_file(upload)  # refuse a bad file before the material exists
        material = Material.objects.create(
            campaign=campaign, title=title, kind=kind, description=description
        )
        add_version(material, upload, note=note, by=by)
    return material
