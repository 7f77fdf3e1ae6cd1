"""Electronic results (DESIGN.md §5): drafted by the specialist from the
procedure's template, issued with a number of issue when the leader approves,
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
from dichvucong.documents import numbering, signing
from dichvucong.dossiers import access, events, lifecycle
from dichvucong.dossiers.constants import FINISHED_STATUSES, EventKind, Refusal, Status
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.dossiers.models import Dossier, Event, ResultDocument
from dichvucong.results import document, drafting
from dichvucong.results.models import ResultDraft

# No 0/O or 1/I: the code is read off paper and typed in by hand.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
GROUP = 4
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
# The register of issued results in documents' NumberSeries: one series
# per agency and year for every procedure's result, whatever its symbol.
REGISTER_KIND = "KQ"


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


# --- Drafting ------------------------------------------------------------------------


class DraftError(lifecycle.TransitionError):
    """A draft cannot be saved or forwarded now; the message is for the user."""


def can_draft(dossier: Dossier, user: Any) -> bool:
    """The assigned specialist drafts while holding the dossier in
    processing: not once it is forwarded (the leader holds the draft then),
    again once it is sent back."""
    pk = getattr(user, "pk", None)
    return (
        dossier.status == Status.PROCESSING
        and pk is not None
        and (dossier.assignee_id == pk == dossier.holder_id)
    )


def saved_draft(dossier: Dossier) -> ResultDraft | None:
    return ResultDraft.objects.filter(dossier=dossier).first()


def draft_to_edit(dossier: Dossier) -> ResultDraft:
    """The saved draft, or a new one from the procedure's template filled
    from the dossier (not saved until the specialist saves it)."""
    return saved_draft(dossier) or _new_draft(dossier, None)


def _new_draft(dossier: Dossier, author: Any) -> ResultDraft:
    template = drafting.template_for(dossier)
    draft = drafting.first_draft(dossier, template)
    return ResultDraft(
        dossier=dossier,
        template=template if template.pk else None,
        title=draft.title,
        symbol=draft.symbol,
        fields=draft.fields,
        body=draft.body,
        signer_title=draft.signer_title,
        drafted_by=author,
    )


@operation
def save_draft(dossier: Dossier, specialist: Any, values: list[str], body: str) -> ResultDraft:
    """The specialist's edits: one value per fact of the template, in its
    order, and the body. Each save is an event of the dossier."""
    dossier = lock_dossier(dossier, "procedure", "agency")
    if not can_draft(dossier, specialist):
        raise DraftError(
            _("Chỉ chuyên viên đang giữ hồ sơ mới soạn được dự thảo kết quả."), Refusal.NOT_HOLDER
        )
    draft = draft_to_edit(dossier)
    if len(values) != len(draft.fields):
        raise DraftError(
            _("Mẫu kết quả vừa thay đổi, vui lòng tải lại trang."), Refusal.TEMPLATE_CHANGED
        )
    draft.fields = [
        {"label": row["label"], "value": value.strip()}
        for row, value in zip(draft.fields, values, strict=True)
    ]
    draft.body = body.strip()
    draft.drafted_by = specialist
    draft.save()
    events.record(
        dossier, actor=specialist, kind=EventKind.RESULT_DRAFT, data={"result_title": draft.title}
    )
    return draft


@operation
def forward(dossier: Dossier, specialist: Any, opinion: str) -> Dossier:
    """The specialist's "Trình lãnh đạo" from the back office: with a saved
    draft only, so the leader approves a document, not a form."""
    dossier = lock_dossier(dossier)
    if can_draft(dossier, specialist) and saved_draft(dossier) is None:
        raise DraftError(
            _("Hãy soạn và lưu dự thảo kết quả trước khi trình lãnh đạo."), Refusal.MISSING_RESULT
        )
    return lifecycle.forward(dossier, specialist, opinion)


# --- Issuing ----------------------------------------------------------------------


@operation
def issue_result(dossier: Dossier, leader: Any) -> ResultDocument:
    """The result of a resolved dossier, signed by `leader`: the draft
    (or, for a dossier forwarded without one, the template's first draft)
    takes the next number of the agency's register and is printed. Created
    once, returned as it is on every later call."""
    dossier = lock_dossier(dossier, "procedure", "agency")
    existing = ResultDocument.objects.filter(dossier=dossier).first()
    if existing is not None:
        return existing
    if dossier.status not in FINISHED_STATUSES or leader is None:
        raise ResultError(_("Hồ sơ chưa được phê duyệt, chưa thể cấp kết quả."))
    issued_at = timezone.now()
    draft = _numbered(dossier, saved_draft(dossier) or _new_draft(dossier, None), issued_at)
    code = _unused_code()
    official = document.official_document(dossier, draft, leader.get_full_name(), code)
    # Signed once here: the stored file, its hash and every download are
    # the signed bytes.
    data = signing.sign(document.render(official, code, dossier.code or ""), dossier.agency)
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


def register_reference(draft: ResultDraft) -> str:
    """What the agency's register says the number was given to."""
    return f"results.draft:{draft.pk}"


def _numbered(dossier: Dossier, draft: ResultDraft, issued_at: Any) -> ResultDraft:
    """The draft with the next number of the agency's register of results
    for the year. Called after the dossier row is locked (lock order: the
    dossier, its own rows, then the shared series row); the series row
    stays locked until the approval commits, and a rollback gives the
    number back with it, so the sequence has no gaps."""
    year = timezone.localdate(issued_at).year
    draft.agency, draft.year, draft.issued_at = dossier.agency, year, issued_at
    draft.save()  # a pk to register the number against
    taken = numbering.issue(dossier.agency_id, REGISTER_KIND, year, register_reference(draft))
    draft.number = taken.number
    draft.save(update_fields=["number"])
    return draft


def on_status_changed(sender: Any, dossier: Dossier, event: Event, **kwargs: Any) -> None:
    """Receiver of dossiers.signals.status_changed: the approval (-> 9)
    issues the result in the same transaction, signed by the approver."""
    if event.to_status == Status.RESOLVED:
        issue_result(dossier, event.actor)


# --- Download -----------------------------------------------------------------------


def readable_result(user: Any, public_id: uuid.UUID) -> ResultDocument | None:
    """The result of a dossier the user applied for, or that their agency
    handles; None for everyone else, and when there is no result yet."""
    scopes: Iterable[Any] = (access.applicant_dossiers(user), access.readable_staff_dossiers(user))
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
    number: str = ""
    title: str = ""


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
    draft = saved_draft(dossier)
    return PublicFacts(
        procedure=dossier.procedure.name,
        agency=dossier.agency.name,
        dossier_code=dossier.code or "",
        issued_on=timezone.localdate(result.issued_at),
        sha256=result.sha256,
        holder=_holder(dossier),
        number=draft.number_text if draft else "",
        title=draft.title if draft else "",
    )


def _results() -> Any:
    return ResultDocument.objects.select_related(
        "dossier__procedure", "dossier__agency", "dossier__applicant"
    )


def find_by_code(text: str) -> ResultDocument | None:
    code = normalise_code(text)
    return _results().filter(verification_code=code).first() if code else None


def upload_bytes(upload: Any) -> bytes:
    """The bytes of an uploaded PDF; raises ResultError with the reason
    when the file is empty, too large or not a PDF. At most 10 MB, which
    the upload handler has already enforced, are held in memory."""
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
    return b"".join(upload.chunks())


def find_by_digest(digest: str) -> ResultDocument | None:
    return _results().filter(sha256=digest).first()


@dataclass(frozen=True)
class UploadCheck:
    """What the page says of an uploaded PDF: its signature's verdict, and
    the result it is byte for byte, if any (results issued before signing
    are known by their hash alone)."""

    verdict: signing.Verdict
    digest: str
    result: PublicFacts | None


def check_upload(data: bytes) -> UploadCheck:
    digest = hashlib.sha256(data).hexdigest()
    result = find_by_digest(digest)
    facts = public_facts(result) if result is not None else None
    return UploadCheck(signing.verify(data), digest, facts)


def stored_verdict(result: ResultDocument) -> signing.Verdict | None:
    """The signature of the stored original, for the page reached by the
    QR code; None when the file is missing from storage."""

    def read() -> bytes:
        with result.file.open("rb") as handle:
            return bytes(handle.read())

    try:
        return signing.verify_stored(result.sha256, read)
    except FileNotFoundError:
        return None
