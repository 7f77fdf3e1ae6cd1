"""The issued result as an official document of Decree 30/2020/NĐ-CP
(documents/layout.py draws the frame: letterhead, number, place and date,
title, content, signer, recipients). What is the result's own: the facts
it certifies, the practice warning, the signer's approval note, and under
it all the verification box (QR code and code) that makes a copy
checkable.

Mapping and drawing only: service.py decides what is said and when."""

from __future__ import annotations

from functools import partial
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from fpdf.enums import XPos, YPos

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import Agency
from dichvucong.documents import pdf
from dichvucong.documents.layout import Fact, OfficialDocument, Paragraph, Signer
from dichvucong.documents.layout import place_name as unit_place_name
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.slips.pdf import qr_png
from dichvucong.public_url import public_url
from dichvucong.results.models import ResultDraft

QR = 24.0
PRACTICE = "HỒ SƠ THỰC HÀNH – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
APPROVED = "(Đã phê duyệt trên hệ thống)"


def verify_url(code: str) -> str:
    return public_url(reverse("results:verify") + "?" + urlencode({"ma": code}))


def place_name(agency: Agency) -> str:
    """Decree 30: a ward's or commune's own name for its bodies, the
    district's name for the district's; "Phường 5", not a bare "5"."""
    unit = agency.admin_unit
    for node in [unit, *unit.ancestors()]:
        if node.level in (UnitLevel.WARD, UnitLevel.DISTRICT):
            unit = node
            break
    return unit_place_name(unit.name)


def body_name(name: str) -> str:
    """An agency's name as printed in the heading: "UBND" spelt out."""
    if name.upper().startswith("UBND "):
        name = "Ủy ban nhân dân " + name[5:]
    return name.upper()


def agency_lines(agency: Agency) -> tuple[str, str]:
    """(governing body, issuing body); a People's Committee has none above
    it in the heading."""
    parent = body_name(agency.parent.name) if agency.parent_id else ""
    return parent, body_name(agency.name)


def signer(title: str, name: str) -> Signer:
    """ "TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH": the authority lines, then the
    title of signature; approved in the system, not signed by hand."""
    lines = [line.strip() for line in title.upper().splitlines() if line.strip()]
    return Signer(
        title=lines[-1] if lines else "",
        authority="\n".join(lines[:-1]),
        name=name,
        note=APPROVED,
    )


def official_document(
    dossier: Dossier, draft: ResultDraft, signer_name: str, code: str
) -> OfficialDocument:
    """The numbered draft of `dossier` as the document printed."""
    parent, issuer = agency_lines(dossier.agency)
    body = [Paragraph(line.strip()) for line in draft.body.splitlines() if line.strip()]
    return OfficialDocument(
        parent_body=parent,
        issuing_body=issuer,
        symbol=draft.symbol,
        place=place_name(dossier.agency),
        kind=draft.title,
        subject="",
        body=[*(Fact(row["label"], row["value"]) for row in draft.fields), *body],
        signer=signer(draft.signer_title, signer_name),
        recipients=[dossier.applicant_name],
        number=draft.number,
        day=timezone.localdate(draft.issued_at),
        notice=PRACTICE if dossier.is_practice else "",
        # ResultDraft.number_text prints "1/TLKS"; the paper says the same.
        padded_number=False,
        author=dossier.agency.name,
        keywords=[dossier.code or "", code, draft.number_text],
    )


def verification_box(page: pdf.OfficialPDF, code: str, dossier_code: str) -> None:
    """Under the closing: the QR code to the verification page, the code,
    and how to check the copy."""
    height = QR + 6
    if page.will_page_break(height + 4):
        page.add_page()
    top = page.get_y() + 4
    page.set_line_width(0.3)
    page.rect(page.l_margin, top, page.epw, height)
    page.image(
        qr_png(verify_url(code)),
        x=page.l_margin + 3,
        y=top + 3,
        w=QR,
        h=QR,
        alt_text=f"Mã QR xác thực {code}",
    )
    width = page.epw - QR - 11
    page.set_xy(page.l_margin + QR + 8, top + 4)
    page.font("B", 12)
    page.cell(width, 6, f"Mã xác thực: {code}", new_x=XPos.LEFT, new_y=YPos.NEXT)
    page.font("", 10)
    page.multi_cell(
        width, 4.6, _check_hint(dossier_code), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT
    )
    page.set_xy(page.l_margin, top + height)


def _check_hint(dossier_code: str) -> str:
    address = public_url(reverse("results:verify"))
    return (
        f"Bản điện tử của kết quả hồ sơ {dossier_code}. Quét mã QR hoặc truy cập {address} "
        "và nhập mã xác thực, hoặc tải tệp PDF này lên để kiểm tra đúng bản gốc do cơ quan cấp."
    )


def render(document: OfficialDocument, code: str, dossier_code: str) -> bytes:
    """The result's PDF: the document, then its verification box."""
    return pdf.render(
        document, after=partial(verification_box, code=code, dossier_code=dossier_code)
    )
