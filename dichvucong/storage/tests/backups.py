"""What the backup tests build and compare: a ward's worth of dossiers in
every status with their files and events, and a reading of everything that
must survive a restore, taken through the ORM and the storage."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile

from dichvucong.dossiers import events, lifecycle, uploads
from dichvucong.dossiers.constants import AttachmentKind, Status
from dichvucong.dossiers.models import Dossier, ResultDocument
from dichvucong.dossiers.testing import (
    JPEG_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    Cast,
    make_dossier,
    make_draft,
)

RESTORED = "restored"
STATUSES = (
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.SUPPLEMENT,
    Status.REFUSED,
    Status.WITHDRAWN,
    Status.PROCESSING,
    Status.STOPPED,
    Status.RESOLVED,
    Status.RETURNED,
)


class ReadTheRestoredDatabase:
    """A router that sends every query to the restored database, so the
    same code (events.verify included) reads it as the app would."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        return RESTORED

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return RESTORED


def make_district(cast: Cast) -> list[Dossier]:
    """A draft, a dossier in each status reached through the real
    lifecycle (results issued for the resolved ones), extra scans on some,
    and another citizen's dossier at ward B."""
    dossiers = [make_draft(cast)] + [make_dossier(cast, status) for status in STATUSES]
    scans = [
        ("to-khai.pdf", PDF_BYTES + os.urandom(4096), "application/pdf"),
        ("anh-chup.png", PNG_BYTES + os.urandom(4096), "image/png"),
        ("ban-sao.jpg", JPEG_BYTES + os.urandom(4096), "image/jpeg"),
    ]
    # The draft gets a scan; the one waiting for supplements gets two.
    for dossier, (name, content, declared) in zip(
        [dossiers[0], dossiers[3], dossiers[3]], scans, strict=True
    ):
        kind = (
            AttachmentKind.SUPPLEMENT
            if dossier.status == Status.SUPPLEMENT
            else AttachmentKind.APPLICATION
        )
        upload = SimpleUploadedFile(name, content, content_type=declared)
        uploads.add_attachment(dossier, cast.applicant, upload, kind=kind)
    other = make_draft(cast, cast.other_applicant, cast.agency_b)
    lifecycle.submit(other, cast.other_applicant)
    return [*dossiers, other]


def _sha256(file: FieldFile) -> str:
    with file.storage.open(file.name, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def holdings() -> dict[str, Any]:
    """Each dossier by its public id: code, status, applicant, form, its
    event chain (and what events.verify finds wrong in it), and each file
    with the SHA-256 its row records and the SHA-256 of the stored bytes."""
    found = {}
    for dossier in Dossier.objects.select_related("applicant").order_by("pk"):
        result = ResultDocument.objects.filter(dossier=dossier).first()
        found[str(dossier.public_id)] = {
            "code": dossier.code,
            "status": dossier.status,
            "applicant": dossier.applicant.username,
            "form": dossier.form_data,
            "events": list(dossier.events.order_by("seq").values_list("seq", "kind", "hash")),
            "chain problems": events.verify(dossier),
            "files": sorted(
                (a.file.name, a.original_name, a.sha256, _sha256(a.file))
                for a in dossier.attachments.all()
            ),
            "result": result and (result.verification_code, result.sha256, _sha256(result.file)),
        }
    return found
