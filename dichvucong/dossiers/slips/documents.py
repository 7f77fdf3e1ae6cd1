"""The slips handed to the applicant (receipt, supplement request, refusal,
apology), one short function each, numbered and titled as the dossier's rules
say (Circular 01/2018 or 03/2025/TT-VPCP: dossiers/rules.py).

Every fact printed comes from the dossier row or its events, the record the
lifecycle keeps; nothing here changes a dossier."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from dichvucong.catalogue.calendar import office_calendar
from dichvucong.dossiers.constants import AttachmentKind, Delivery, EventKind, Status
from dichvucong.dossiers.models import Attachment, Dossier, Event
from dichvucong.dossiers.rules import Slip, rules_of
from dichvucong.dossiers.slips.pdf import (
    DESK,
    Signer,
    SlipPDF,
    format_date,
    format_moment,
    parse_iso_date,
)

# --- Facts from the event log ------------------------------------------------


def last_event(dossier: Dossier, **filters: object) -> Event | None:
    return dossier.events.filter(**filters).order_by("-seq").first()


def acceptance_event(dossier: Dossier) -> Event | None:
    return last_event(dossier, kind=EventKind.STATUS, to_status=Status.ACCEPTED)


def supplement_event(dossier: Dossier) -> Event | None:
    return last_event(dossier, kind=EventKind.STATUS, to_status=Status.SUPPLEMENT)


def refusal_event(dossier: Dossier) -> Event | None:
    return last_event(dossier, kind=EventKind.STATUS, to_status=Status.REFUSED)


def apology_event(dossier: Dossier) -> Event | None:
    return last_event(dossier, kind=EventKind.APOLOGY)


def _required(event: Event | None, slip: str) -> Event:
    if event is None:
        raise LookupError(f"dossier has no event for {slip}")
    return event


# --- Shared pieces -------------------------------------------------------------


def start_slip(
    dossier: Dossier, slip: Slip, event: Event | None = None, *, desk: bool = True
) -> SlipPDF:
    """A slip dated by the event it records (today if none), with its frame,
    its form number and title, and the legal basis of the dossier's rules."""
    rules = rules_of(dossier)
    form = rules.forms[slip]
    pdf = SlipPDF(
        title=form.title,
        form_number=form.label,
        code=dossier.code or "",
        basis=rules.basis(slip),
    )
    pdf.set_author(dossier.agency.name)
    day = timezone.localdate(event.at) if event else timezone.localdate()
    pdf.letterhead(dossier.agency, day, desk=desk)
    pdf.heading(practice=dossier.is_practice)
    return pdf


def applicant_address(dossier: Dossier) -> str:
    """From the applicant's profile: the dossier keeps name, phone and ID
    as declared, but no postal address of its own."""
    user = dossier.applicant
    profile = getattr(user, "citizen", None) or getattr(user, "organisation", None)
    if profile is None:
        return ""
    ward = profile.ward.full_name() if profile.ward_id else ""
    return ", ".join(part for part in (profile.address, ward) if part)


def _applicant_fields(pdf: SlipPDF, dossier: Dossier, label: str) -> None:
    pdf.field(label, dossier.applicant_name, bold=True)
    pdf.field("Địa chỉ", applicant_address(dossier))
    contact = dossier.applicant_phone or "…"
    if dossier.applicant_email:
        contact += f"    Email: {dossier.applicant_email}"
    pdf.field("Số điện thoại", contact)
    pdf.field("Nội dung yêu cầu giải quyết", dossier.procedure.name)
    pdf.ln(1)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- 01 Receipt and appointment ------------------------------------------------


def received_documents(dossier: Dossier) -> list[str]:
    """One line per required document (or "other"), naming the files
    received for it, in the procedure's order; results are not inputs."""
    attachments = dossier.attachments.exclude(kind=AttachmentKind.RESULT).select_related("document")
    grouped: dict[tuple[bool, int, str], list[str]] = {}
    for attachment in attachments:
        grouped.setdefault(_document_key(attachment), []).append(_file_label(attachment))
    return [f"{name}: {', '.join(files)}" for (_, _, name), files in sorted(grouped.items())]


def _document_key(attachment: Attachment) -> tuple[bool, int, str]:
    document = attachment.document
    if document is None:
        return (True, 0, "Giấy tờ khác")
    return (False, document.position, document.name)


def _file_label(attachment: Attachment) -> str:
    if attachment.kind == AttachmentKind.SUPPLEMENT:
        return f"{attachment.original_name} (bổ sung)"
    return attachment.original_name


def cutoff_note(dossier: Dossier) -> str:
    """Why the count starts the next working day, when it does (15:00 rule)."""
    calendar = office_calendar()
    received = timezone.localtime(dossier.received_at)
    start = calendar.reception_day(dossier.received_at)
    if start == received.date():
        return ""
    when = (
        f"sau {settings.RECEPTION_CUTOFF_HOUR} giờ"
        if calendar.is_working_day(received.date())
        else "vào ngày nghỉ"
    )
    return (
        f"Ghi chú: Hồ sơ được tiếp nhận {when} nên thời hạn giải quyết được tính "
        f"từ ngày làm việc tiếp theo ({format_date(start)})."
    )


def _statutory_time(dossier: Dossier) -> str:
    days = dossier.procedure.working_days
    return f"{days} ngày làm việc" if days else "trả kết quả trong ngày"


def _delivery(dossier: Dossier) -> str:
    text = dossier.get_delivery_display()
    if dossier.delivery == Delivery.POST and dossier.delivery_address:
        text += f" – {dossier.delivery_address}"
    return text


def receipt_slip(dossier: Dossier) -> bytes:
    """01. The dates are the dossier's own: a supplement received during
    processing restarts the count, and a reprint shows the new appointment."""
    if dossier.received_at is None:
        raise LookupError("dossier has not been received")
    accepted = acceptance_event(dossier)
    officer = accepted.actor_name if accepted else ""
    pdf = start_slip(dossier, Slip.RECEIPT, accepted)
    pdf.field(DESK, dossier.agency.name)
    pdf.field("Cán bộ tiếp nhận", officer)
    _applicant_fields(pdf, dossier, "Tiếp nhận hồ sơ của")
    pdf.paragraph("1. Thành phần hồ sơ nộp gồm:")
    pdf.items(received_documents(dossier) or ["Không có tệp đính kèm."], numbered=False)
    pdf.field("2. Số lượng hồ sơ", "01 (bộ)")
    pdf.field("3. Thời hạn giải quyết hồ sơ theo quy định", _statutory_time(dossier))
    pdf.field("4. Thời gian nhận hồ sơ", format_moment(dossier.received_at))
    pdf.field("5. Ngày hẹn trả kết quả", format_date(dossier.due_date), bold=True)
    note = cutoff_note(dossier)
    if note:
        pdf.paragraph(note, size=8)
    pdf.field("6. Đăng ký nhận kết quả", _delivery(dossier))
    pdf.signatures(
        [
            Signer("NGƯỜI NỘP HỒ SƠ", dossier.applicant_name),
            Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", officer),
        ]
    )
    return pdf.to_bytes()


# --- 02 Request to supplement --------------------------------------------------


def supplement_slip(dossier: Dossier) -> bytes:
    """02: everything missing, listed once and completely, as asked."""
    event = _required(supplement_event(dossier), "slip 02")
    pdf = start_slip(dossier, Slip.SUPPLEMENT, event)
    _applicant_fields(pdf, dossier, "Hồ sơ của")
    pdf.paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", bold=True)
    pdf.items([str(item) for item in event.data.get("missing", [])])
    pdf.field("Lý do", event.reason or "Hồ sơ còn thiếu hoặc chưa hợp lệ các nội dung nêu trên.")
    pdf.field("Thời gian yêu cầu", format_moment(event.at))
    pdf.field("Người yêu cầu", event.actor_name)
    pdf.paragraph(
        "Ông/Bà vui lòng bổ sung đầy đủ các nội dung trên trong một lần. Thời hạn "
        "giải quyết được tính lại từ đầu kể từ ngày nhận đủ hồ sơ bổ sung."
    )
    pdf.paragraph(
        f"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ "
        f"{event.actor_name or DESK.lower()} – {DESK.lower()} "
        f"{dossier.agency.name} để được hướng dẫn."
    )
    pdf.signatures([Signer("NGƯỜI HƯỚNG DẪN", event.actor_name)])
    return pdf.to_bytes()


# --- 03 Refusal ----------------------------------------------------------------


def refusal_slip(dossier: Dossier) -> bytes:
    event = _required(refusal_event(dossier), "slip 03")
    pdf = start_slip(dossier, Slip.REFUSAL, event)
    _applicant_fields(pdf, dossier, "Hồ sơ của")
    pdf.field("Thời gian nộp hồ sơ", format_moment(dossier.submitted_at))
    pdf.paragraph(
        f"Qua nghiên cứu, đối chiếu với các quy định hiện hành, {DESK.lower()} "
        f"{dossier.agency.name} từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:"
    )
    reasons = _lines(event.reason)
    pdf.items(reasons, numbered=len(reasons) > 1)
    pdf.paragraph("Xin thông báo để Ông/Bà được biết và thực hiện./.")
    pdf.signatures([Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", event.actor_name)])
    return pdf.to_bytes()


# --- 04 Apology and new date ---------------------------------------------------


def apology_slip(dossier: Dossier) -> bytes:
    """04, issued by the agency itself, signed by its head. Under Circular
    03/2025 the form is titled "Văn bản xin lỗi và đề nghị gia hạn thời gian
    giải quyết"; its body text could not be read, so the 2018 wording stays."""
    event = _required(apology_event(dossier), "slip 04")
    old = format_date(parse_iso_date(event.data.get("old_due_date")))
    new = format_date(parse_iso_date(event.data.get("new_due_date")))
    agency, name = dossier.agency.name, dossier.applicant_name
    reason = event.reason.strip().rstrip(".")
    pdf = start_slip(dossier, Slip.APOLOGY, event, desk=False)
    pdf.field("Kính gửi", f"Ông/Bà {name}", bold=True)
    received = format_date(timezone.localdate(dossier.received_at)) if dossier.received_at else ""
    pdf.paragraph(
        f"Ngày {received}, {agency} tiếp nhận giải quyết hồ sơ đề nghị "
        f"{dossier.procedure.name} của Ông/Bà. Mã hồ sơ: {dossier.code}."
    )
    pdf.field("Thời hạn giải quyết hồ sơ theo quy định", old)
    pdf.paragraph(
        f"Tuy nhiên, {agency} không thể trả kết quả giải quyết hồ sơ của Ông/Bà "
        f"đúng hạn, lý do: {reason}."
    )
    pdf.paragraph("Sự chậm trễ này gây phiền hà, tốn kém thời gian và chi phí đi lại của Ông/Bà.")
    pdf.paragraph(
        f"{agency} xin lỗi Ông/Bà {name} và hẹn lại ngày trả kết quả giải quyết "
        f"hồ sơ vào ngày {new}.",
        bold=True,
    )
    pdf.paragraph("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.")
    pdf.field("Người lập phiếu", event.actor_name)
    pdf.signatures([Signer("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", hint="(Ký, ghi rõ họ tên và đóng dấu)")])
    return pdf.to_bytes()
