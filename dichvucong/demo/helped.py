"""Demo dossiers an ambassador helped with, made through the real path
(issue 12, point 4): the pupil logs in with their own account, the draft
records them as its helper, the required documents are uploaded, and the
applicant's confirmation submits it with submission.submit_dossier (the
completeness and assurance checks included) and writes the "nộp hộ"
event, as outreach.assisted does for a live helper. The year-end report
counts from that event, so the demo's figures are the ones the events say.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.dossiers import uploads
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import assisted, services
from dichvucong.outreach.models import Ambassador, AssistedSubmission
from dichvucong.outreach.practice import pupil_username

# The smallest file the upload check takes for a PDF: the demo's scans.
DEMO_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def give_logins(ambassadors: list[Ambassador]) -> None:
    """A login for each pupil ambassador who helps, as the school issues
    them; without a usable password (the demo's pupil helper gets one)."""
    waiting = [a for a in ambassadors if a.user_id is None and a.pupil is not None]
    users = User.objects.bulk_create(
        [
            User(
                username=pupil_username(a.pupil),
                full_name=a.pupil.full_name,
                kind=AccountKind.CITIZEN,
                password=make_password(None),
            )
            for a in waiting
            if a.pupil is not None
        ],
        batch_size=500,
    )
    for ambassador, user in zip(waiting, users, strict=True):
        ambassador.user = user
    Ambassador.objects.bulk_update(waiting, ["user"], batch_size=500)


def upload_documents(dossier: Dossier, helper: Any) -> None:
    """The procedure's required documents, uploaded by the helper."""
    for document in dossier.procedure.documents.filter(required=True):
        upload = SimpleUploadedFile("ban-chup.pdf", DEMO_PDF, content_type="application/pdf")
        uploads.add_attachment(dossier, helper, upload, document=document)


def start(dossier: Dossier, ambassador: Ambassador, channel: str) -> AssistedSubmission:
    """The helper's record of the draft, awaiting the applicant."""
    return AssistedSubmission.objects.create(
        dossier=dossier,
        ambassador=ambassador,
        household_key=services.household_key(user_id=dossier.applicant_id),
        channel=channel,
    )


def confirm(record: AssistedSubmission, channel: str) -> Dossier:
    """The applicant's confirmation: by login (the applicant acts) or by
    the code the helper typed in (the helper acts)."""
    record = AssistedSubmission.objects.select_related("dossier__applicant", "ambassador").get(
        pk=record.pk
    )
    actor = record.dossier.applicant if channel == "login" else record.ambassador.user
    return assisted.submit_confirmed(record, actor, channel)
