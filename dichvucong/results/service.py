"""Electronic results (DESIGN.md §5): issued when the leader approves,
downloaded by the applicant (which returns an online result), and checked
by anyone holding one, by its verification code or by its bytes.

The result is issued inside the approval's transaction (the receiver of
`status_changed`), so an approval that rolls back leaves no result row. The
PDF is written to storage before the commit, because a row must never point
at a file that is not there; a rolled-back approval can therefore leave an
unreferenced file behind. `manage.py purge_orphan_files` deletes those.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import AccountKind
from dichvucong.conflicts import operation
from dichvucong.dossiers import access, lifecycle
from dichvucong.dossiers.constants import FINISHED_STATUSES, Status
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier, Event, ResultDocument
from dichvucong.results.document import ResultFacts, render_result, result_title

# No 0/O or 1/I: the code is read off paper and typed in by hand.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
GROUP = 4
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


class ResultError(Exception):
    """A result cannot be issued or read; the message is for the user."""


# --- Verification codes -------------------------------------------------------


def _grouped(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def new_verification_code() -> str:
    """12 characters from a 32-letter alphabet (60 random bits), XXXX-XXXX-XXXX."""
    return _grouped("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)))


def normalise_code(text: str) -> str | None:
    """The code as stored, from what a person typed: any case, spaces or
    dashes anywhere; None if it cannot be a code at all."""
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return _grouped(raw)


def _unused_code() -> str:
    # A clash among 2^60 codes is a curiosity, but the unique index would
    # turn it into a failed approval, so draw again rather than trust luck.
    for _attempt in range(5):
        code = new_verification_code()
        if not ResultDocument.objects.filter(verification_code=code).exists():
            return code
    raise RuntimeError("no unused verification code after 5 draws")


# --- Issuing ----------------------------------------------------------------------


@operation
def issue_result(dossier: Dossier, leader: Any) -> ResultDocument:
    """The result of a resolved dossier, signed by `leader`: created once,
    returned as it is on every later call."""
    dossier = lock_dossier(dossier, "procedure", "agency")
    existing = ResultDocument.objects.filter(dossier=dossier).first()
    if existing is not None:
        return existing
    if dossier.status not in FINISHED_STATUSES or leader is None:
        raise ResultError(_("Hồ sơ chưa được phê duyệt, chưa thể cấp kết quả."))
    issued_at = timezone.now()
    code = _unused_code()
    facts = ResultFacts(
        dossier=dossier,
        title=result_title(dossier),
        verification_code=code,
        issued_on=timezone.localdate(issued_at),
        signer_name=leader.get_full_name(),
    )
    data = render_result(facts)
    result = ResultDocument(
        dossier=dossier,
        verification_code=code,
        issued_at=issued_at,
        sha256=hashlib.sha256(data).hexdigest(),
        issued_by=leader,
    )
    result.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(data), save=False)
    result.save()
    return result


def on_status_changed(sender: Any, dossier: Dossier, event: Event, **kwargs: Any) -> None:
    """Receiver of dossiers.signals.status_changed: the approval (-> 9)
    issues the result in the same transaction, signed by the approver."""
    if event.to_status == Status.RESOLVED:
        issue_result(dossier, event.actor)


# --- Download -----------------------------------------------------------------------


def readable_result(user: Any, public_id: uuid.UUID) -> ResultDocument | None:
    """The result of a dossier the user applied for, or that their agency
    handles; None for everyone else, and when there is no result yet."""
    scopes: Iterable[Any] = (access.applicant_dossiers(user), access.staff_dossiers(user))
    for dossiers in scopes:
        dossier = dossiers.filter(public_id=public_id).first()
        if dossier is not None:
            result = ResultDocument.objects.filter(dossier=dossier).first()
            if result is not None:
                result.dossier = dossier
            return result
    return None


def record_download(result: ResultDocument, user: Any) -> None:
    """The applicant's download returns an online result (9 -> 10; the
    lifecycle leaves other deliveries and later downloads alone). Staff
    downloads change nothing."""
    if result.dossier.applicant_id == getattr(user, "pk", None):
        lifecycle.result_collected_online(result.dossier, user)


def download_name(result: ResultDocument) -> str:
    return f"ket-qua-{result.dossier.code or result.dossier.public_id}.pdf"


# --- Public verification -------------------------------------------------------------


@dataclass(frozen=True)
class PublicFacts:
    """What the verification page may tell anyone holding a code: enough
    to match the paper in their hand, nothing from the form itself."""

    procedure: str
    agency: str
    dossier_code: str
    issued_on: date
    sha256: str
    holder: str


def masked_name(name: str) -> str:
    """ "Nguyễn Văn Bình" -> "Nguyễn V** B***": the family name, shared by
    millions, and the initials; enough to recognise, not to identify."""
    words = name.split()
    if not words:
        return ""
    shown = words[:1] if len(words) > 1 else []
    hidden = words[len(shown) :]
    return " ".join([*shown, *(word[0] + "*" * (len(word) - 1) for word in hidden)])


def _holder(dossier: Dossier) -> str:
    # An organisation's name is public in the business register.
    if dossier.applicant.kind == AccountKind.ORGANISATION:
        return dossier.applicant_name
    return masked_name(dossier.applicant_name)


def public_facts(result: ResultDocument) -> PublicFacts:
    dossier = result.dossier
    return PublicFacts(
        procedure=dossier.procedure.name,
        agency=dossier.agency.name,
        dossier_code=dossier.code or "",
        issued_on=timezone.localdate(result.issued_at),
        sha256=result.sha256,
        holder=_holder(dossier),
    )


def _results() -> Any:
    return ResultDocument.objects.select_related(
        "dossier__procedure", "dossier__agency", "dossier__applicant"
    )


def find_by_code(text: str) -> ResultDocument | None:
    code = normalise_code(text)
    return _results().filter(verification_code=code).first() if code else None


def upload_digest(upload: Any) -> str:
    """SHA-256 of an uploaded PDF, read in chunks; raises ResultError with
    the reason when the file is empty, too large or not a PDF."""
    if not upload.size:
        raise ResultError(_("Tệp rỗng."))
    if upload.size > MAX_UPLOAD_BYTES:
        raise ResultError(_("Tệp quá lớn: tối đa 10 MB."))
    upload.seek(0)
    if not upload.read(len(PDF_MAGIC)).startswith(PDF_MAGIC):
        raise ResultError(
            _("Tệp tải lên không phải tệp PDF. Vui lòng chọn đúng tệp PDF kết quả đã nhận.")
        )
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def find_by_digest(digest: str) -> ResultDocument | None:
    return _results().filter(sha256=digest).first()
