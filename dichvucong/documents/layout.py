"""An official document as data, in the administrative format of Decree
30/2020/NĐ-CP on clerical work (Nghị định 30/2020/NĐ-CP về công tác văn
thư), Appendix I. `pdf.render` and `word.render` draw the same data.

The rules followed (Appendix I, part II; the numbers are its cells):
  paper      A4 portrait (A5 allowed for forms and slips); margins top and
             bottom 20-25 mm, left 30-35 mm, right 15-20 mm; Times New
             Roman, black (we embed Liberation Serif, metric-compatible)
  1 motto    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" capitals, bold, 12-13 pt;
             below it "Độc lập - Tự do - Hạnh phúc" bold, 13-14 pt, with a
             solid rule as long as the line under it; top right
  2 issuer   the parent body in capitals, 12-13 pt, upright; the issuing
             body in capitals, bold, with a short solid rule (1/3 to 1/2 of
             the line) under it; top left
  3 number   "Số: 12/BC-PGDĐT", 13 pt, centred under the issuer: the
             yearly sequence number of the agency (from 01) and the
             symbol (kind abbreviation - issuer abbreviation)
  4 place    "Thanh Xuân, ngày 05 tháng 12 năm 2026", italic, 13-14 pt,
             under the motto; the place is the name of the agency's own
             administrative unit (a district office writes the district);
             days below 10 and the months 1 and 2 take a leading 0
  5 title    the kind in capitals, bold, 13-14 pt, centred; the subject
             bold under it, then a short solid rule
  6 content  13-14 pt, justified, first line indented 1-1.27 cm, at least
             6 pt between paragraphs; tables may use a smaller size
  7 signer   the authority ("TM.", "KT.") and title in capitals, bold; the
             name bold, below the room for the signature and seal
  9 recipients "Nơi nhận:" bold italic 12 pt, then one "- ...;" line each
             in 11 pt, the last one "- Lưu: VT, ...".
  pages      numbered from the second page, centred in the top margin.

Beyond the Decree's cells, for documents that certify facts (the results
of administrative procedures): `Fact` lines in the content ("label:" and
the value in bold), a `notice` line under the title, the signer's `note`
under the title of signature, and the PDF's author and keywords.

Sources read: the Decree's summary of Appendix I as published by
trademarkvn.com.vn ("Latest guidance on administrative document
presentation techniques": A4, Times New Roman, leading zero for days 1-9
and January-February, page numbers from page 2) and amvietnam.com
("Standard margin and line spacing regulations in administrative documents
of Vietnam": margins 20-25 / 20-25 / 30-35 / 15-20 mm), checked against the
Decree's Appendix I cell layout (lawnet.vn, "How to format administrative
documents", cells 1 to 9).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"
A4 = (210.0, 297.0)
A5 = (148.0, 210.0)
# (top, right, bottom, left) in mm, the low end of each range of the Decree.
MARGINS_A4 = (20.0, 15.0, 20.0, 30.0)
# A5 slips keep the proportions on the smaller sheet.
MARGINS_A5 = (12.0, 10.0, 12.0, 18.0)

_UNIT_PREFIX = re.compile(
    r"^(thành phố|tỉnh|quận|huyện|thị xã|phường|xã|thị trấn|đặc khu)\s+", re.IGNORECASE
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the content. `indent`: first line indented, as body
    text is; headings and lines like "Căn cứ ..." choose their own."""

    text: str
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # "justify", "center" or "left"
    indent: bool = True
    lead: str = ""  # a bold lead-in on the same line ("Điều 1.")


@dataclass(frozen=True)
class Table:
    """A bordered table: the heading row, then rows, then an optional bold
    total row. `widths` are relative; numbers are right-aligned."""

    headings: Sequence[str]
    rows: Sequence[Sequence[str | int]]
    widths: Sequence[float]
    total: Sequence[str | int] | None = None


@dataclass(frozen=True)
class Fact:
    """A certified fact on its own line: "Họ, chữ đệm và tên: " and the
    value in bold; an empty value leaves a dotted blank."""

    label: str
    value: str


Block = Paragraph | Table | Fact
BLANK_VALUE = "……………………"


@dataclass(frozen=True)
class Signer:
    """Cell 7: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", the name (blank on a
    draft waiting for signature)."""

    title: str
    authority: str = ""
    name: str = ""
    note: str = ""  # italic, under the title: "(Đã phê duyệt trên hệ thống)"


@dataclass(frozen=True)
class OfficialDocument:
    parent_body: str
    issuing_body: str
    symbol: str  # "BC-PGDĐT"
    place: str
    kind: str  # "BÁO CÁO", "QUYẾT ĐỊNH"
    subject: str
    body: Sequence[Block]
    signer: Signer
    recipients: Sequence[str]
    number: int | None = None  # None: left blank for the office to fill
    day: date | None = None  # None: "ngày    tháng    năm <year>"
    year: int | None = None
    authority_line: str = ""  # a decision's "CHỦ TỊCH ỦY BAN NHÂN DÂN ..."
    draft: bool = False
    paper: tuple[float, float] = A4
    archive: str = "VT"  # "Lưu: VT, <drafting unit>"
    notice: str = ""  # a bold line under the title ("HỒ SƠ THỰC HÀNH ...")
    padded_number: bool = True  # False: a register printed as "1/KQ", not "01/KQ"
    author: str = ""  # file metadata only
    keywords: Sequence[str] = ()

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol, padded=self.padded_number)

    @property
    def date_line(self) -> str:
        return f"{self.place}, {long_date(self.day, self.year)}"

    @property
    def recipient_lines(self) -> list[str]:
        return recipients_with_archive(self.recipients, self.archive)

    @property
    def title(self) -> str:
        return f"{self.kind.capitalize()} {self.subject}".strip()

    @property
    def margins(self) -> tuple[float, float, float, float]:
        return MARGINS_A4 if self.paper == A4 else MARGINS_A5


def number_text(number: int) -> str:
    """The number as registered, from 01."""
    return f"{number:02d}"


def number_line(number: int | None, symbol: str, *, padded: bool = True) -> str:
    # A blank number keeps room for the clerk to write it by hand.
    if number is None:
        return "Số: " + "\u00a0" * 8 + f"/{symbol}"
    return f"Số: {number_text(number) if padded else number}/{symbol}"


def long_date(day: date | None, year: int | None = None) -> str:
    """ "ngày 05 tháng 12 năm 2026": a leading 0 for days 1-9 and for
    January and February only (Appendix I, II.4)."""
    if day is None:
        gap = "\u00a0" * 6
        return f"ngày{gap}tháng{gap}năm {year or ''}".rstrip()
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_name(unit_name: str) -> str:
    """The place heading the date: the unit's name without "Quận",
    "Phường"...; a unit named by a number keeps it ("Quận 1")."""
    stripped = _UNIT_PREFIX.sub("", unit_name.strip())
    if not stripped or stripped.isdigit():
        return unit_name.strip()
    return stripped


def recipients_with_archive(recipients: Sequence[str], archive: str) -> list[str]:
    """The recipients' lines as printed: "- X;" each, "- Lưu: VT, ...". last."""
    lines = [f"- {name};" for name in recipients]
    lines.append(f"- Lưu: {archive}.")
    return lines
