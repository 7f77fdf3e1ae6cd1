"""Plain text documents as PDF (guides, slide handouts; later the year-end
report): headings and paragraphs in the embedded DejaVu font, so the
Vietnamese reads on any machine and stays searchable."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dichvucong.dossiers.slips.pdf import FAMILY, FONT_DIR

# fontTools reports every glyph it subsets at INFO: noise in command output.
logging.getLogger("fontTools").setLevel(logging.WARNING)

A4 = (210.0, 297.0)
MARGIN = 18.0


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: Sequence[str]


class TextPDF(FPDF):
    def __init__(self, title: str, *, landscape: bool = False) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format=A4)
        self.add_font(FAMILY, "", fname=FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", fname=FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.set_title(title)
        self.set_creator("dichvucong")
        self.set_lang("vi")
        self.document_title = title

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.cell(0, 4, f"{self.document_title} – Trang {self.page_no()}/{{nb}}", align="R")

    def title_block(self, title: str, subtitle: str = "") -> None:
        self.set_font(FAMILY, "B", 16)
        self.multi_cell(0, 8, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if subtitle:
            self.set_font(FAMILY, "", 11)
            self.multi_cell(0, 6, subtitle, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(4)

    def section(self, section: Section, *, size: float = 11) -> None:
        self.set_font(FAMILY, "B", size + 2)
        self.multi_cell(0, 7, section.heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", size)
        for paragraph in section.paragraphs:
            self.multi_cell(0, size * 0.55, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(1.5)
        self.ln(2)


def document(title: str, subtitle: str, sections: Sequence[Section]) -> bytes:
    """A portrait A4 document: title, then the sections one after another."""
    pdf = TextPDF(title)
    pdf.add_page()
    pdf.title_block(title, subtitle)
    for section in sections:
        pdf.section(section)
    return bytes(pdf.output())


def slides(title: str, subtitle: str, pages: Sequence[Section]) -> bytes:
    """A landscape handout: a title page, then one section per page in a
    large type, as the slides were shown."""
    pdf = TextPDF(title, landscape=True)
    pdf.add_page()
    pdf.ln(50)
    pdf.title_block(title, subtitle)
    for page in pages:
        pdf.add_page()
        pdf.section(page, size=18)
    return bytes(pdf.output())
