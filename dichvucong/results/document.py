"""The electronic result as a PDF: A4 portrait, in the frame of the slips
(letterhead, motto, place and date, DejaVu text), with the facts of the
e-form, the signer, and a box with the verification code and its QR code.

Nothing here touches the database beyond reading; service.py decides when
a result is issued and stores these bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.eforms import Answer, answers
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.slips.pdf import (
    FAMILY,
    FONT_DIR,
    LINE,
    Signer,
    SlipPDF,
    format_date,
    qr_png,
)

A4_PORTRAIT = (210.0, 297.0)
A4_MARGIN = 18.0
FORM_LABEL = "Kết quả điện tử"
DEFAULT_TITLE = "Kết quả giải quyết thủ tục hành chính"
ELECTRONIC = "(bản điện tử)"
BOX_QR = 26.0
BODY_SIZE = 10.5
BODY_LINE = 5.6
# Contact details are how the office reached the applicant, not facts the
# result certifies; leaving them out also keeps them off every copy made.
LEFT_OUT_TYPES = {"phone", "email"}


@dataclass(frozen=True)
class ResultFacts:
    """What the document states, gathered before drawing."""

    dossier: Dossier
    title: str
    verification_code: str
    issued_on: date
    signer_name: str


def verify_url(code: str) -> str:
    return settings.SITE_URL.rstrip("/") + "/xac-thuc/?" + urlencode({"ma": code})


def result_title(dossier: Dossier) -> str:
    return dossier.procedure.result_type.strip() or DEFAULT_TITLE


class ResultPDF(SlipPDF):
    """The slips' frame on an A4 portrait page. SlipPDF builds A5 portrait or
    A4 landscape only, so its set-up is repeated here with the A4 format."""

    def __init__(self, *, title: str, code: str) -> None:
        FPDF.__init__(self, orientation="P", unit="mm", format=A4_PORTRAIT)
        self.add_font(FAMILY, "", fname=FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", fname=FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(A4_MARGIN, A4_MARGIN, A4_MARGIN)
        self.set_auto_page_break(True, margin=A4_MARGIN)
        self.slip_title, self.form_number, self.code = title, FORM_LABEL, code
        self.set_title(f"{title} – {code}")
        self.set_subject(FORM_LABEL)
        self.set_creator("dichvucong")
        self.set_lang("vi")
        self.numbered_pages = False
        self.add_page()

    def letterhead(self, agency: Agency, day: date, *, desk: bool = False) -> None:
        # One QR code on the page, the verification one: the slips' lookup
        # code under the letterhead would leave the holder guessing which
        # one to scan.
        code, self.code = self.code, ""
        super().letterhead(agency, day, desk=desk)
        self.code = code

    def result_heading(self, *, practice: bool) -> None:
        self.ln(4)
        self.set_font(FAMILY, "B", 15)
        self.multi_cell(
            0, 7, self.slip_title.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_font(FAMILY, "", 10)
        self.cell(0, 5, ELECTRONIC, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.centred_pair("Mã hồ sơ: ", self.code)
        if practice:
            self.paragraph("HỒ SƠ THỰC HÀNH – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ", bold=True, align="C")
        self.ln(4)

    def field(self, label: str, value: str, *, bold: bool = False) -> None:
        """SlipPDF's "label: value" line, at a size for A4 rather than A5."""
        self.set_x(self.l_margin)
        self.set_font(FAMILY, "", BODY_SIZE)
        self.write(BODY_LINE, f"{label}: ")
        self.set_font(FAMILY, "B" if bold else "", BODY_SIZE)
        self.write(BODY_LINE, value or "…")
        self.ln(BODY_LINE)

    def section(self, title: str) -> None:
        self.ln(2)
        self.set_font(FAMILY, "B", BODY_SIZE + 0.5)
        self.multi_cell(0, BODY_LINE + 0.5, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def verification_box(self, code: str) -> None:
        """A framed box: the QR code to the verification page on the left,
        the code and how to check it on the right; kept on one page."""
        height = BOX_QR + 6
        if self.will_page_break(height + 4):
            self.add_page()
        top = self.get_y() + 4
        self.set_line_width(0.4)
        self.rect(self.l_margin, top, self.epw, height)
        self.image(
            qr_png(verify_url(code)),
            x=self.l_margin + 3,
            y=top + 3,
            w=BOX_QR,
            h=BOX_QR,
            alt_text=f"Mã QR xác thực {code}",
        )
        text_x = self.l_margin + BOX_QR + 8
        width = self.epw - BOX_QR - 11
        self.set_xy(text_x, top + 5)
        self.set_font(FAMILY, "B", 12)
        self.cell(width, 7, f"Mã xác thực: {code}", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", 9)
        self.multi_cell(width, LINE, _check_hint(), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_xy(self.l_margin, top + height + 2)


def _check_hint() -> str:
    address = settings.SITE_URL.rstrip("/") + "/xac-thuc/"
    return (
        f"Quét mã QR hoặc truy cập {address} và nhập mã xác thực, hoặc tải tệp PDF "
        "này lên để kiểm tra tài liệu có đúng bản gốc do cơ quan cấp."
    )


def _visible_fields(fields: Any) -> list[dict[str, Any]]:
    kept = [f for f in fields or [] if isinstance(f, dict) and f.get("type") not in LEFT_OUT_TYPES]
    return [
        {**f, "fields": _visible_fields(f.get("fields"))} if f.get("type") == "group" else f
        for f in kept
    ]


def _visible_schema(schema: Any) -> list[dict[str, Any]]:
    return [
        {**step, "fields": _visible_fields(step.get("fields"))}
        for step in schema or []
        if isinstance(step, dict)
    ]


def form_sections(dossier: Dossier) -> list[tuple[str, list[Answer]]]:
    """(step title, answers) for each step with something filled in, with
    the schema's labels and values as a person reads them."""
    schema = _visible_schema(dossier.procedure.form_schema)
    sections = []
    for step, step_answers in zip(schema, answers(schema, dossier.form_data), strict=True):
        filled = [answer for answer in step_answers if answer.text or answer.rows]
        if filled:
            sections.append((str(step.get("title", "")), filled))
    return sections


def _write_answer(pdf: ResultPDF, answer: Answer) -> None:
    if not answer.rows:
        pdf.field(answer.label, answer.text)
        return
    pdf.paragraph(f"{answer.label}:", align="L")
    rows = [
        "; ".join(f"{cell.label}: {cell.text}" for cell in row if cell.text) for row in answer.rows
    ]
    pdf.items([row for row in rows if row], indent=6)


def render_result(facts: ResultFacts) -> bytes:
    dossier = facts.dossier
    pdf = ResultPDF(title=facts.title, code=dossier.code or "")
    pdf.set_author(dossier.agency.name)
    pdf.set_keywords(f"{dossier.code} {facts.verification_code}")
    pdf.letterhead(dossier.agency, facts.issued_on)
    pdf.result_heading(practice=dossier.is_practice)
    pdf.field("Thủ tục", f"{dossier.procedure.name} ({dossier.procedure.code})")
    pdf.field("Người nộp hồ sơ", dossier.applicant_name, bold=True)
    for title, filled in form_sections(dossier):
        pdf.section(title)
        for answer in filled:
            _write_answer(pdf, answer)
    pdf.ln(2)
    pdf.field("Ngày cấp", format_date(facts.issued_on), bold=True)
    pdf.signatures([Signer("LÃNH ĐẠO CƠ QUAN", facts.signer_name, "(Đã phê duyệt trên hệ thống)")])
    pdf.verification_box(facts.verification_code)
    return pdf.to_bytes()
