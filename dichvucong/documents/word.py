"""An `OfficialDocument` as an editable DOCX (python-docx), laid out as
the PDF: the office opens it, corrects a word, and signs.

Word prints it in Times New Roman, the Decree's typeface; LibreOffice
substitutes the metric-compatible Liberation Serif. The letterhead and
the closing are borderless two-column tables, as office templates do."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from dichvucong.documents.layout import (
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

FONT = "Times New Roman"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}
LEFT_SHARE = 0.42


def _setup(doc: OfficialDocument) -> DocxDocument:
    word = Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(doc.paper[0]), Mm(doc.paper[1])
    top, right, bottom, left = doc.margins
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13 if doc.paper[0] > 200 else 10)
    # East-Asian and complex-script slots too, or Word falls back per run.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    normal.paragraph_format.space_after = Pt(0)
    word.core_properties.title = doc.title
    if doc.author:
        word.core_properties.author = doc.author
    if doc.keywords:
        word.core_properties.keywords = " ".join(k for k in doc.keywords if k)
    word.core_properties.language = "vi-VN"
    _page_numbers(word)
    return word


def _page_numbers(word: DocxDocument) -> None:
    """A PAGE field centred in the header, not on the first page."""
    section = word.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _line(
    cell: _Cell | DocxDocument,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: str = "center",
) -> None:
    paragraph = cell.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)


def _columns(word: DocxDocument, left_share: float) -> tuple[_Cell, _Cell]:
    grid = word.add_table(rows=1, cols=2)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    section = word.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    left, right = grid.rows[0].cells
    left.width = int(text_width * left_share)
    right.width = int(text_width * (1 - left_share))
    # A new cell holds one empty paragraph; ours are added after it.
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    return left, right


def _letterhead(word: DocxDocument, doc: OfficialDocument, scale: float) -> None:
    left, right = _columns(word, LEFT_SHARE)
    if doc.parent_body:
        _line(left, doc.parent_body.upper(), size=12.5 * scale)
    for text in doc.issuing_body.upper().splitlines():
        _line(left, text, bold=True, size=12.5 * scale)
    # The short rule under the issuer: underlined blanks a third as wide.
    _line(left, "\u00a0" * 14, underline=True, size=8 * scale)
    _line(left, doc.number_line, size=13 * scale)
    _line(right, MOTTO, bold=True, size=12 * scale)
    _line(right, SLOGAN, bold=True, underline=True, size=13.5 * scale)
    _line(right, "", size=6 * scale)
    _line(right, doc.date_line, italic=True, size=13 * scale)


def _title(word: DocxDocument, doc: OfficialDocument) -> None:
    _line(word, "", size=8)
    _line(word, doc.kind.upper(), bold=True, size=14)
    for text in doc.subject.splitlines():
        _line(word, text, bold=True, size=14)
    _line(word, "\u00a0" * 24, underline=True, size=8)
    if doc.notice:
        _line(word, doc.notice, bold=True, size=12)
    if doc.authority_line:
        _line(word, "", size=6)
        _line(word, doc.authority_line.upper(), bold=True)


def _paragraph(word: DocxDocument, block: Paragraph) -> None:
    paragraph = word.add_paragraph()
    paragraph.alignment = _ALIGN[block.align]
    form = paragraph.paragraph_format
    form.space_before = Pt(6)
    form.line_spacing = 1.15
    if block.indent:
        form.first_line_indent = Mm(10)
    if block.lead:
        paragraph.add_run(block.lead + " ").bold = True
    run = paragraph.add_run(block.text)
    run.bold, run.italic = block.bold, block.italic


def _fact(word: DocxDocument, block: Fact) -> None:
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_before = Pt(3)
    paragraph.add_run(f"{block.label}: ")
    paragraph.add_run(block.value or BLANK_VALUE).bold = True


def _table(word: DocxDocument, block: Table) -> None:
    _line(word, "", size=4)
    grid = word.add_table(rows=0, cols=len(block.headings))
    grid.style = word.styles["Table Grid"]
    total_weight = sum(block.widths)
    section = word.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    rows = [(list(block.headings), True), *((list(r), False) for r in block.rows)]
    if block.total is not None:
        rows.append((list(block.total), True))
    for values, bold in rows:
        cells = grid.add_row().cells
        for cell, value, weight in zip(cells, values, block.widths, strict=True):
            cell.width = int(text_width * weight / total_weight)
            text = format_count(value) if isinstance(value, int) else str(value)
            cell.paragraphs[0].alignment = (
                WD_ALIGN_PARAGRAPH.RIGHT if isinstance(value, int) else WD_ALIGN_PARAGRAPH.LEFT
            )
            run = cell.paragraphs[0].add_run(text)
            run.bold, run.font.size = bold, Pt(11)
    _line(word, "", size=4)


def _closing(word: DocxDocument, doc: OfficialDocument, scale: float) -> None:
    _line(word, "", size=8)
    left, right = _columns(word, 0.5)
    _line(left, "Nơi nhận:", bold=True, italic=True, size=12 * scale, align="left")
    for text in doc.recipient_lines:
        _line(left, text, size=11 * scale, align="left")
    _signature(right, doc.signer, scale)


def _signature(cell: _Cell, signer: Signer, scale: float) -> None:
    for text in [*signer.authority.splitlines(), *signer.title.splitlines()]:
        _line(cell, text.upper(), bold=True, size=13 * scale)
    if signer.note:
        _line(cell, signer.note, italic=True, size=11 * scale)
    for _ in range(4):
        _line(cell, "", size=13 * scale)
    _line(cell, signer.name, bold=True, size=13 * scale)


def render(doc: OfficialDocument) -> bytes:
    scale = 1.0 if doc.paper[0] > 200 else 0.75
    word = _setup(doc)
    # The document starts with one empty paragraph: the draft mark or nothing.
    first = word.paragraphs[0] if word.paragraphs else word.add_paragraph()
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if doc.draft:
        first.add_run("DỰ THẢO").bold = True
    _letterhead(word, doc, scale)
    _title(word, doc)
    for block in doc.body:
        if isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Fact):
            _fact(word, block)
        else:
            _paragraph(word, block)
    _closing(word, doc, scale)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
