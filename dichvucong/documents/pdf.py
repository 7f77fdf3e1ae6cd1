"""An `OfficialDocument` as PDF (fpdf2, the project's PDF library), every
word real text in the embedded Liberation Serif, so the Vietnamese prints
on any machine and a text extractor reads it back.

Sizes are those of Decree 30 for A4 and shrink in proportion on A5."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from dichvucong.documents.layout import (
    A4,
    BLANK_VALUE,
    MOTTO,
    SLOGAN,
    Fact,
    OfficialDocument,
    Paragraph,
    Signer,
    Table,
)
from dichvucong.reports.formatting import format_count  # framework-free

# fontTools reports every glyph it subsets at INFO: noise in command output.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "LiberationSerif"
PT = 0.3528  # mm per point
BODY = 13.0
TABLE_SIZE = 11.0
INDENT = 10.0  # mm, the first line of a body paragraph
LEFT_SHARE = 0.42  # of the text width: the issuer's column
_ALIGN = {"justify": "J", "center": "C", "left": "L"}


class OfficialPDF(FPDF):
    """A page in the Decree's frame: margins, fonts, page numbers."""

    def __init__(self, doc_title: str, paper: tuple[float, float], margins: tuple) -> None:
        super().__init__(orientation="P", unit="mm", format=paper)
        for style, name in (("", "Regular"), ("B", "Bold"), ("I", "Italic"), ("BI", "BoldItalic")):
            self.add_font(FAMILY, style, fname=FONT_DIR / f"LiberationSerif-{name}.ttf")
        top, right, bottom, left = margins
        self.set_margins(left, top, right)
        self.set_auto_page_break(True, margin=bottom)
        self.scale = 1.0 if paper == A4 else 0.72
        self.set_title(doc_title)
        self.set_creator("dichvucong")
        self.set_lang("vi")

    def size(self, points: float) -> float:
        return points * self.scale

    def line_height(self, points: float, factor: float = 1.25) -> float:
        return points * self.scale * PT * factor

    def font(self, style: str, points: float) -> None:
        self.set_font(FAMILY, style, self.size(points))

    def header(self) -> None:
        # Page numbers from the second page on, centred in the top margin.
        if self.page_no() < 2:
            return
        self.set_y(self.t_margin / 2 - 2)
        self.font("", BODY)
        self.cell(0, 4, str(self.page_no()), align="C")
        self.set_y(self.t_margin)

    def centred(self, text: str, style: str, points: float, width: float) -> None:
        """A centred line in a column starting at the current x, shrunk to
        fit on one line when the column is narrow (the motto on A5)."""
        self.font(style, points)
        while self.get_string_width(text) > width - 2 * self.c_margin and points > 6:
            points -= 0.5
            self.font(style, points)
        x = self.get_x()
        self.multi_cell(
            width, self.line_height(points), text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
        )
        self.set_x(x)

    def rule(self, centre: float, length: float, gap: float = 0.6) -> None:
        y = self.get_y() + gap
        self.set_line_width(0.25)
        self.line(centre - length / 2, y, centre + length / 2, y)
        self.set_y(y + gap)


def letterhead(pdf: OfficialPDF, parent: str, issuer: str, number: str, place_date: str) -> None:
    """Cells 1 to 4: issuer and number top left, motto and date top right."""
    top = pdf.get_y()
    left_w = pdf.epw * LEFT_SHARE
    right_x, right_w = pdf.l_margin + left_w, pdf.epw - left_w
    pdf.set_xy(pdf.l_margin, top)
    issuer_bottom = issuer_block(pdf, parent, issuer, left_w)
    if number:
        pdf.set_xy(pdf.l_margin, issuer_bottom + 1)
        pdf.centred(number, "", BODY, left_w)
    left_bottom = pdf.get_y()
    pdf.set_xy(right_x, top)
    motto_block(pdf, right_w)
    if place_date:
        pdf.set_xy(right_x, max(pdf.get_y(), issuer_bottom) + 1)
        pdf.centred(place_date, "I", BODY, right_w)
    pdf.set_xy(pdf.l_margin, max(left_bottom, pdf.get_y()) + pdf.line_height(BODY))


def issuer_block(pdf: OfficialPDF, parent: str, issuer: str, width: float) -> float:
    """Cell 2; returns where it ends. The rule is a third of the width."""
    x = pdf.get_x()
    if parent:
        pdf.centred(parent.upper(), "", 12.5, width)
    for line in issuer.upper().splitlines():
        pdf.set_x(x)
        pdf.centred(line, "B", 12.5, width)
    pdf.rule(x + width / 2, width / 3)
    return pdf.get_y()


def motto_block(pdf: OfficialPDF, width: float) -> None:
    """Cell 1: the rule under the slogan is exactly as long as the slogan."""
    x = pdf.get_x()
    pdf.centred(MOTTO, "B", 12.5, width)
    pdf.set_x(x)
    pdf.centred(SLOGAN, "B", 13.5, width)
    pdf.rule(x + width / 2, pdf.get_string_width(SLOGAN))


def title_block(pdf: OfficialPDF, doc: OfficialDocument) -> None:
    """Cell 5a, and a decision's authority line under it."""
    pdf.centred(doc.kind.upper(), "B", 14, pdf.epw)
    for line in doc.subject.splitlines():
        pdf.set_x(pdf.l_margin)
        pdf.centred(line, "B", 14, pdf.epw)
    pdf.rule(pdf.l_margin + pdf.epw / 2, pdf.epw / 4, gap=1)
    if doc.notice:
        pdf.set_x(pdf.l_margin)
        pdf.centred(doc.notice, "B", 12, pdf.epw)
    if doc.authority_line:
        pdf.ln(pdf.line_height(BODY, 0.6))
        pdf.set_x(pdf.l_margin)
        pdf.font("B", BODY)
        pdf.multi_cell(
            0,
            pdf.line_height(BODY),
            doc.authority_line.upper(),
            align="C",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.ln(pdf.line_height(BODY, 0.6))


def paragraph(pdf: OfficialPDF, block: Paragraph) -> None:
    style = ("B" if block.bold else "") + ("I" if block.italic else "")
    with pdf.text_columns(
        text_align=_ALIGN[block.align], l_margin=pdf.l_margin, r_margin=pdf.r_margin
    ) as columns:
        with columns.paragraph(
            first_line_indent=INDENT * pdf.scale if block.indent else 0,
            line_height=1.2,
            top_margin=pdf.size(6) * PT,
        ) as par:
            if block.lead:
                pdf.font("B", BODY)
                par.write(block.lead + " ")
            pdf.font(style, BODY)
            par.write(block.text)


def fact(pdf: OfficialPDF, block: Fact) -> None:
    """ "Label: " upright, the value bold, wrapping under the label."""
    with pdf.text_columns(text_align="L", l_margin=pdf.l_margin, r_margin=pdf.r_margin) as columns:
        with columns.paragraph(line_height=1.2, top_margin=pdf.size(3) * PT) as par:
            pdf.font("", BODY)
            par.write(f"{block.label}: ")
            pdf.font("B", BODY)
            par.write(block.value or BLANK_VALUE)


def table(pdf: OfficialPDF, block: Table) -> None:
    pdf.ln(pdf.size(4) * PT)
    numeric = [isinstance(v, int) for v in (block.rows[0] if block.rows else block.headings)]
    align = tuple("RIGHT" if n else "LEFT" for n in numeric)
    pdf.font("", TABLE_SIZE)
    heading = FontFace(emphasis="BOLD")
    with pdf.table(
        col_widths=tuple(block.widths),
        text_align=align,
        headings_style=heading,
        line_height=pdf.line_height(TABLE_SIZE, 1.15),
        padding=1,
        repeat_headings=1,
    ) as grid:
        grid.row([str(h) for h in block.headings])
        for row in block.rows:
            grid.row([_cell(v) for v in row])
        if block.total is not None:
            grid.row([_cell(v) for v in block.total], style=FontFace(emphasis="BOLD"))
    pdf.ln(pdf.size(4) * PT)


def _cell(value: str | int) -> str:
    # Thousands with a dot, as Vietnamese writes them.
    return format_count(value) if isinstance(value, int) else str(value)


def closing(pdf: OfficialPDF, doc: OfficialDocument) -> None:
    """Cells 7 and 9 side by side, kept on one page."""
    lines = doc.recipient_lines
    needed = pdf.line_height(BODY) * 9 + pdf.line_height(11) * len(lines)
    if pdf.will_page_break(needed):
        pdf.add_page()
    pdf.ln(pdf.line_height(BODY, 0.8))
    top = pdf.get_y()
    half = pdf.epw / 2
    pdf.font("BI", 12)
    pdf.cell(half, pdf.line_height(12), "Nơi nhận:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("", 11)
    for line in lines:
        pdf.multi_cell(
            half - 4, pdf.line_height(11), line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    left_bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + half, top)
    signature(pdf, doc.signer, half)
    pdf.set_y(max(left_bottom, pdf.get_y()))


def signature(pdf: OfficialPDF, signer: Signer, width: float) -> None:
    x = pdf.get_x()
    for line in [*signer.authority.splitlines(), *signer.title.splitlines()]:
        pdf.set_x(x)
        pdf.centred(line.upper(), "B", BODY, width)
    if signer.note:
        pdf.set_x(x)
        pdf.centred(signer.note, "I", 11, width)
    pdf.set_xy(x, pdf.get_y() + pdf.line_height(BODY) * 4)
    pdf.centred(signer.name or "", "B", BODY, width)


def draft_mark(pdf: OfficialPDF) -> None:
    """A draft says so in a box above the letterhead, as offices mark them."""
    pdf.font("B", 11)
    width = pdf.get_string_width("DỰ THẢO") + 6
    pdf.set_xy(pdf.l_margin + pdf.epw - width, pdf.t_margin - pdf.line_height(11) - 3)
    pdf.cell(width, pdf.line_height(11) + 1, "DỰ THẢO", border=1, align="C")
    pdf.set_xy(pdf.l_margin, pdf.t_margin)


def render(doc: OfficialDocument, after: Callable[[OfficialPDF], None] | None = None) -> bytes:
    """The document as PDF bytes; `after` draws what a caller adds under
    the closing (a verification box), on the same page when it fits."""
    pdf = OfficialPDF(doc.title, doc.paper, doc.margins)
    if doc.author:
        pdf.set_author(doc.author)
    if doc.keywords:
        pdf.set_keywords(" ".join(word for word in doc.keywords if word))
    pdf.add_page()
    if doc.draft:
        draft_mark(pdf)
    letterhead(pdf, doc.parent_body, doc.issuing_body, doc.number_line, doc.date_line)
    title_block(pdf, doc)
    for block in doc.body:
        if isinstance(block, Table):
            table(pdf, block)
        elif isinstance(block, Fact):
            fact(pdf, block)
        else:
            paragraph(pdf, block)
    closing(pdf, doc)
    if after is not None:
        after(pdf)
    return bytes(pdf.output())
