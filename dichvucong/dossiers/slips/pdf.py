"""The common frame of the one-stop slips (the forms of Circular 01/2018 or
03/2025/TT-VPCP, by the dossier's rules): page, letterhead with the national
motto, title, dossier code with its lookup QR code, the legal basis, place
and date, signature blocks. Everything is written as real text in an
embedded DejaVu font, so the slips carry Vietnamese diacritics on any
machine and stay searchable (and testable with a PDF text extractor)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlencode

import segno
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dichvucong.catalogue.models import Agency
from dichvucong.documents import layout as decree30
from dichvucong.documents.pdf import FAMILY as SERIF
from dichvucong.documents.pdf import FONT_DIR as SERIF_DIR
from dichvucong.public_url import public_url

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
DESK = "Bộ phận tiếp nhận và trả kết quả"
# Page sizes in mm given explicitly: fpdf2 warns on the "A5" name since it
# changed its A5 dimensions in 2.8.5; these are the ISO 216 values.
A5_PORTRAIT = (148.0, 210.0)
A4_LANDSCAPE = (210.0, 297.0)
MARGIN = 10.0
LINE = 4.6  # body line height in mm at 9 pt
QR_SIZE = 20.0


@dataclass(frozen=True)
class Signer:
    """One signature block: the role in capitals, the usual hint, the name."""

    title: str
    name: str = ""
    hint: str = "(Ký và ghi rõ họ tên)"


def format_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def format_moment(moment: datetime | None) -> str:
    """Local "hh:mm dd/mm/yyyy": slips are read in Vietnam, stored in UTC."""
    if moment is None:
        return ""
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def parse_iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def lookup_url(code: str) -> str:
    return public_url(reverse("lookup:form") + "?" + urlencode({"ma": code}))


def qr_png(text: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=6, border=2)
    buffer.seek(0)
    return buffer


def place_name(agency: Agency) -> str:
    """Decree 30/2020, Appendix I, II.4: the name of the agency's own
    administrative unit (a ward's committee writes the ward's name)."""
    return decree30.place_name(agency.admin_unit.name)


def agency_lines(agency: Agency, *, desk: bool) -> tuple[str, str]:
    """(governing body, issuing unit) in capitals, as the forms' top-left
    corner reads. Reception slips are issued by the one-stop desk of the
    agency; the apology by the agency itself under its parent."""
    if desk:
        # Broken where the printed forms break it, not where the column ends.
        return agency.name.upper(), "BỘ PHẬN TIẾP NHẬN\nVÀ TRẢ KẾT QUẢ"
    parent = agency.parent.name.upper() if agency.parent_id else ""
    return parent, agency.name.upper()


class SlipPDF(FPDF):
    """A5 portrait (A4 landscape for the register) with the slips' frame."""

    def __init__(
        self,
        *,
        title: str,
        form_number: str,
        code: str = "",
        landscape: bool = False,
        basis: str = "",
    ) -> None:
        super().__init__(
            orientation="L" if landscape else "P",
            unit="mm",
            format=A4_LANDSCAPE if landscape else A5_PORTRAIT,
        )
        self.add_font(FAMILY, "", fname=FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", fname=FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 2)
        self.slip_title, self.form_number, self.code = title, form_number, code
        self.basis = basis
        self.set_title(f"{title} – {code}" if code else title)
        self.set_subject(f"{form_number} – {basis}" if basis else form_number)
        self.set_creator("dichvucong")
        self.set_lang("vi")
        self.numbered_pages = landscape
        self.add_page()

    def footer(self) -> None:
        # A one-page slip needs no page number; a longer one names the
        # dossier on every page so loose pages can be put back together.
        if not self.numbered_pages and self.page_no() == 1:
            return
        self.set_y(-MARGIN)
        self.set_font(FAMILY, "", 7)
        label = f"{self.code} – " if self.code else ""
        self.cell(0, 4, f"{label}Trang {self.page_no()}/{{nb}}", align="R")

    def to_bytes(self) -> bytes:
        return bytes(self.output())

    # --- Letterhead and title ------------------------------------------

    def letterhead(self, agency: Agency, day: date, *, desk: bool = True) -> None:
        """Agency top left (with the lookup QR code under it when the slip
        has a dossier code), form number, motto and place-date top right."""
        self._add_serif()
        top = self.get_y()
        left_w = self.epw * 0.45
        right_x = self.l_margin + left_w + 2
        right_w = self.epw - left_w - 2
        self._agency_block(agency_lines(agency, desk=desk), left_w)
        if self.code:
            self.image(
                qr_png(lookup_url(self.code)),
                x=self.l_margin + (left_w - QR_SIZE) / 2,
                y=self.get_y() + 1.5,
                w=QR_SIZE,
                h=QR_SIZE,
                alt_text=f"Mã QR tra cứu hồ sơ {self.code}",
            )
            self.set_y(self.get_y() + QR_SIZE + 1.5)
        left_bottom = self.get_y()
        self.set_xy(right_x, top)
        self._motto_block(right_w, f"{place_name(agency)}, {long_date(day)}")
        self.set_y(max(left_bottom, self.get_y()) + 2)

    def _add_serif(self) -> None:
        """The letterhead is set in the serif of the official documents
        (dichvucong.documents); added here, as subclasses (the e-result)
        set up their own fonts."""
        if f"{SERIF.lower()}B" in self.fonts:
            return
        for style, name in (("", "Regular"), ("B", "Bold"), ("I", "Italic")):
            self.add_font(SERIF, style, fname=SERIF_DIR / f"LiberationSerif-{name}.ttf")

    def _agency_block(self, lines: tuple[str, str], width: float) -> None:
        """Decree 30's cell 2: the parent body upright, the issuing unit
        bold, a rule a third of the column under it."""
        upper, lower = lines
        size = 9 if width < 80 else 11
        if upper:
            self.set_font(SERIF, "", size)
            self.multi_cell(width, 4, upper, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(SERIF, "B", size)
        self.multi_cell(width, 4, lower, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._rule(self.l_margin + width / 2, self.get_y() + 0.8, width / 3)
        self.set_y(self.get_y() + 1.5)

    def _motto_block(self, width: float, place_date: str) -> None:
        """Decree 30's cells 1 and 4: the motto, the slogan with a rule as
        long as itself, the place and date in italics."""
        x = self.get_x()
        narrow = width < 80
        self.set_font(FAMILY, "", 7)
        self.cell(width, 3.4, self.form_number, align="R", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(SERIF, "B", 9 if narrow else 11)
        self.cell(width, 4, decree30.MOTTO, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(SERIF, "B", 9.5 if narrow else 12)
        self.cell(width, 4.2, decree30.SLOGAN, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self._rule(x + width / 2, self.get_y() + 0.6, self.get_string_width(decree30.SLOGAN))
        self.set_xy(x, self.get_y() + 3)
        self.set_font(SERIF, "I", 9.5 if narrow else 11)
        self.multi_cell(width, 4, place_date, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _rule(self, centre_x: float, y: float, length: float) -> None:
        self.set_line_width(0.2)
        self.line(centre_x - length / 2, y, centre_x + length / 2, y)

    def heading(self, *, subtitle: str = "", practice: bool = False) -> None:
        """The slip's title, then "Mã hồ sơ: <code>" with the code in bold."""
        self.set_font(FAMILY, "B", 10.5)
        self.multi_cell(
            0, 5.2, self.slip_title.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        if self.code:
            self.centred_pair("Mã hồ sơ: ", self.code)
        if self.basis:
            self.set_font(FAMILY, "", 6.5)
            self.multi_cell(
                0, 3.2, f"({self.basis})", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        if subtitle:
            self.set_font(FAMILY, "", 8)
            self.multi_cell(0, 4, subtitle, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if practice:
            # Practice dossiers of the outreach campaign must never pass
            # for a real receipt.
            self.set_font(FAMILY, "B", 8)
            self.multi_cell(
                0,
                4,
                "HỒ SƠ THỰC HÀNH – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ",
                align="C",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.ln(2)

    def centred_pair(self, label: str, value: str) -> None:
        self.set_font(FAMILY, "", 9.5)
        label_w = self.get_string_width(label)
        self.set_font(FAMILY, "B", 9.5)
        value_w = self.get_string_width(value)
        self.set_x(self.l_margin + max(0.0, (self.epw - label_w - value_w) / 2))
        self.set_font(FAMILY, "", 9.5)
        self.cell(label_w, 5, label)
        self.set_font(FAMILY, "B", 9.5)
        self.cell(value_w, 5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # --- Body ----------------------------------------------------------

    def field(self, label: str, value: str, *, bold: bool = False) -> None:
        """A "label: value" line, the value flowing over as many lines as it needs."""
        self.set_x(self.l_margin)
        self.set_font(FAMILY, "", 9)
        self.write(LINE, f"{label}: ")
        self.set_font(FAMILY, "B" if bold else "", 9)
        self.write(LINE, value or "…")
        self.ln(LINE)

    def paragraph(
        self, text: str, *, bold: bool = False, size: float = 9, align: str = "J"
    ) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.multi_cell(0, LINE * size / 9, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def items(self, texts: list[str], *, indent: float = 5, numbered: bool = True) -> None:
        """A list with a hanging indent, so wrapped lines align with the text."""
        self.set_font(FAMILY, "", 9)
        for number, text in enumerate(texts, start=1):
            self.set_x(self.l_margin + 2)
            self.cell(indent, LINE, f"{number}." if numbered else "–")
            self.multi_cell(
                self.epw - indent - 2, LINE, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )

    def signatures(self, signers: list[Signer], *, gap: float = 16) -> None:
        """Side-by-side signature blocks, kept on one page. A single signer
        stands in the right half, where the forms put the signing officer."""
        needed = 3 + 3 * LINE + gap + LINE
        if self.will_page_break(needed):
            self.add_page()
        top = self.get_y() + 3
        width = self.epw / max(2, len(signers))
        first = self.l_margin + (width if len(signers) == 1 else 0)
        bottom = top
        for index, signer in enumerate(signers):
            x = first + index * width
            self.set_xy(x, top)
            self._signature(signer, x, width, gap)
            bottom = max(bottom, self.get_y())
        self.set_xy(self.l_margin, bottom)

    def _signature(self, signer: Signer, x: float, width: float, gap: float) -> None:
        self.set_font(FAMILY, "B", 8.5)
        self.multi_cell(width, 4, signer.title, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", 7.5)
        self.multi_cell(width, 3.6, signer.hint, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_xy(x, self.get_y() + gap)
        if signer.name:
            self.set_font(FAMILY, "B", 9)
            self.multi_cell(width, 4.5, signer.name, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)


def long_date(day: date) -> str:
    """The Decree's date line: a leading 0 for days 1-9, January and February."""
    return decree30.long_date(day)
