"""Attachments as downloads, only to those who may see the dossier."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest

from dichvucong.dossiers import access
from dichvucong.dossiers.models import Attachment


def _readable(user, attachment: Attachment) -> bool:  # type: ignore[no-untyped-def]
    """The dossier's applicant, staff whose agencies cover it (or took it
    over, to read), or the
    helper filling in the draft (never once it is submitted)."""
    dossier_id = attachment.dossier_id
    return (
        access.applicant_dossiers(user).filter(pk=dossier_id).exists()
        or access.readable_staff_dossiers(user).filter(pk=dossier_id).exists()
        or access.editable_drafts(user).filter(pk=dossier_id).exists()
    )


@login_required
def attachment(request: HttpRequest, public_id: uuid.UUID) -> FileResponse:
    """Everyone else gets the same 404 as for an id that does not exist."""
    found = Attachment.objects.filter(public_id=public_id).first()
    if found is None or not _readable(request.user, found):
        raise Http404
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=found.original_name, content_type=found.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Personal documents: no shared cache may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response
