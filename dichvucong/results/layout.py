"""The issued result as an administrative document in the layout of
Decree 30/2020/NĐ-CP, Appendix I: A4 portrait; margins top and bottom
20 mm, left 30 mm, right 15 mm; Times-metric serif type (Liberation
Serif); the issuing body top left with the number of issue under it;
national name and motto top right with place and date in italics under
them; the title centred in bold capitals; the content; the signer's
title and name bottom right, "Nơi nhận" bottom left. Under it all, the
verification box (QR code and code) that makes the copy checkable.

Drawing only: service.py decides what is said and when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.slips.pdf import qr_png
from dichvucong.public_url import public_url

FONT_DIR = Path(__file__).resolve().parent / "fonts"
SERIF = "LiberationSerif"
A4 = (210.0, 297.0)
TOP, BOTTOM, LEFT, RIGHT = 20.0, 20.0, 30.0, 15.0
LINE = 6.2  # 13 pt text, about 1.3 lines
QR = 24.0
PLACE_PREFIXES = (
    "Thành phố ",
    "Tỉnh ",
    "Quận ",
    "Huyện ",
    "Thị xã ",
    "Phường ",
    "Xã ",
    "Thị trấn ",
)
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PRACTICE = "HỒ SƠ THỰC HÀNH – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"


@dataclass(frozen=True)
class OfficialDocument:
    """Everything printed, gathered before drawing."""

    agency: Agency
    number_text: str
    issued_on: date
    title: str
    facts: list[tuple[str, str]]
    body: str
    signer_title: str
    signer_name: str
    recipients: list[str]
    verification_code: str
    dossier_code: str
    practice: bool = False
    keywords: list[str] = field(default_factory=list)


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
    name = unit.name
    for prefix in PLACE_PREFIXES:
        rest = name.removeprefix(prefix)
        if rest != name and not rest.isdigit():
            return rest
    return name


def long_date(day: date) -> str:
    """Decree 30: days below 10 and months 1 and 2 get a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


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


class OfficialPDF(FPDF):
    def __init__(self, document: OfficialDocument) -> None:
        super().__init__(orientation="P", unit="mm", format=A4)
        for style, name in (("", "Regular"), ("B", "Bold"), ("I", "Italic")):
            self.add_font(SERIF, style, fname=FONT_DIR / f"LiberationSerif-{name}.ttf")
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.doc = document
        self.set_title(f"{document.title} – {document.number_text}")
        self.set_author(document.agency.name)
        self.set_subject(document.title)
        self.set_keywords(" ".join(document.keywords))
        self.set_creator("dichvucong")
        self.set_lang("vi")
        self.add_page()

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-BOTTOM + 4)
        self.set_font(SERIF, "", 10)
        self.cell(0, 4, f"{self.doc.number_text} – Trang {self.page_no()}", align="R")

    # --- Heading: cells 1 to 4 -------------------------------------------------------

    def heading(self) -> None:
        top = self.get_y()
        left_w = self.epw * 0.42
        right_x = self.l_margin + left_w
        right_w = self.epw - left_w
        self._issuer(left_w)
        left_bottom = self.get_y()
        self.set_xy(right_x, top)
        self._nation(right_x, right_w)
        self.set_y(max(left_bottom, self.get_y()) + 6)

    def _issuer(self, width: float) -> None:
        parent, issuer = agency_lines(self.doc.agency)
        if parent:
            self.set_font(SERIF, "", 12)
            self.multi_cell(width, 5.5, parent, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(SERIF, "B", 12)
        self.multi_cell(width, 5.5, issuer, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._rule(self.l_margin + width / 2, self.get_y() + 0.6, width / 3)
        self.set_y(self.get_y() + 3)
        self.set_font(SERIF, "", 13)
        self.cell(
            width, 6, f"Số: {self.doc.number_text}", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def _nation(self, x: float, width: float) -> None:
        self.set_font(SERIF, "B", 12)
        self.cell(width, 5.5, NATION, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(SERIF, "B", 13)
        self.cell(width, 6, MOTTO, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self._rule(x + width / 2, self.get_y() + 0.4, self.get_string_width(MOTTO))
        self.set_xy(x, self.get_y() + 3.5)
        self.set_font(SERIF, "I", 13)
        place_date = f"{place_name(self.doc.agency)}, {long_date(self.doc.issued_on)}"
        self.multi_cell(width, 6, place_date, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _rule(self, centre_x: float, y: float, length: float) -> None:
        self.set_line_width(0.25)
        self.line(centre_x - length / 2, y, centre_x + length / 2, y)

    # --- Title and content: cells 5 and 6 ----------------------------------------

    def title_block(self) -> None:
        self.set_font(SERIF, "B", 14)
        self.multi_cell(
            0, 7, self.doc.title.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        if self.doc.practice:
            self.set_font(SERIF, "B", 12)
            self.multi_cell(0, 6, PRACTICE, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(5)

    def content(self) -> None:
        for label, value in self.doc.facts:
            self.set_x(self.l_margin)
            self.set_font(SERIF, "", 13)
            self.write(LINE, f"{label}: ")
            self.set_font(SERIF, "B", 13)
            self.write(LINE, value or "……………………")
            self.ln(LINE)
        if self.doc.body:
            self.ln(2)
            self.set_font(SERIF, "", 13)
            for paragraph in self.doc.body.splitlines():
                if paragraph.strip():
                    self.multi_cell(
                        0,
                        LINE,
                        "      " + paragraph.strip(),
                        align="J",
                        new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT,
                    )

    # --- Signature and recipients: cells 7 and 9 -----------------------------------

    def closing(self) -> None:
        if self.will_page_break(52):
            self.add_page()
        top = self.get_y() + 6
        half = self.epw / 2
        self._recipients(top, half - 4)
        left_bottom = self.get_y()
        self._signature(self.l_margin + half, top, half)
        self.set_y(max(left_bottom, self.get_y()) + 4)

    def _recipients(self, top: float, width: float) -> None:
        self.set_xy(self.l_margin, top)
        self.set_font(SERIF, "B", 12)
        self.cell(width, 5.5, "Nơi nhận:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(SERIF, "", 11)
        for name in self.doc.recipients:
            self.multi_cell(width, 5, f"- {name}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _signature(self, x: float, top: float, width: float) -> None:
        self.set_xy(x, top)
        self.set_font(SERIF, "B", 13)
        self.multi_cell(
            width, 6, self.doc.signer_title.upper(), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
        )
        self.set_font(SERIF, "I", 11)
        self.multi_cell(
            width, 5, "(Đã phê duyệt trên hệ thống)", align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
        )
        self.set_xy(x, self.get_y() + 14)
        self.set_font(SERIF, "B", 13)
        self.multi_cell(width, 6, self.doc.signer_name, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)

    # --- The verification box ----------------------------------------------------------

    def verification_box(self) -> None:
        height = QR + 6
        if self.will_page_break(height + 4):
            self.add_page()
        top = self.get_y() + 4
        code = self.doc.verification_code
        self.set_line_width(0.3)
        self.rect(self.l_margin, top, self.epw, height)
        self.image(
            qr_png(verify_url(code)),
            x=self.l_margin + 3,
            y=top + 3,
            w=QR,
            h=QR,
            alt_text=f"Mã QR xác thực {code}",
        )
        text_x = self.l_margin + QR + 8
        width = self.epw - QR - 11
        self.set_xy(text_x, top + 4)
        self.set_font(SERIF, "B", 12)
        self.cell(width, 6, f"Mã xác thực: {code}", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(SERIF, "", 10)
        self.multi_cell(
            width,
            4.6,
            _check_hint(self.doc.dossier_code),
            align="L",
            new_x=XPos.LEFT,
            new_y=YPos.NEXT,
        )


def _check_hint(dossier_code: str) -> str:
    address = public_url(reverse("results:verify"))
    return (
        f"Bản điện tử của kết quả hồ sơ {dossier_code}. Quét mã QR hoặc truy cập {address} "
        "và nhập mã xác thực, hoặc tải tệp PDF này lên để kiểm tra đúng bản gốc do cơ quan cấp."
    )


def render(document: OfficialDocument) -> bytes:
    pdf = OfficialPDF(document)
    pdf.heading()
    pdf.title_block()
    pdf.content()
    pdf.closing()
    pdf.verification_box()
    return bytes(pdf.output())
