"""Reading documents back: PDF text with pypdf, DOCX text with python-docx."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader

A4_POINTS = (595.3, 841.9)
A5_POINTS = (419.5, 595.3)


def pdf_text(data: bytes) -> str:
    """All pages, whitespace runs made single spaces (line breaks are the layout's)."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def pdf_page_size(data: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def docx_text(data: bytes) -> str:
    """Body paragraphs and every table cell, whitespace made single spaces."""
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return " ".join(" ".join(parts).split())


def docx_page_mm(data: bytes) -> tuple[int, int]:
    section = Document(io.BytesIO(data)).sections[0]
    return round(section.page_width.mm), round(section.page_height.mm)


def docx_margins_mm(data: bytes) -> tuple[int, int, int, int]:
    s = Document(io.BytesIO(data)).sections[0]
    return tuple(
        round(m.mm) for m in (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin)
    )
