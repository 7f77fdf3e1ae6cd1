"""Reading slips back the way a search engine or a screen reader would."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from pypdf import PdfReader

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# Monday 2 March 2026, 09:00 in Hà Nội: an ordinary working week, so a
# 3-working-day procedure received now is due on Thursday 5 March.
MONDAY_MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=HANOI)
A5_POINTS = (419.5, 595.3)
A4_LANDSCAPE_POINTS = (841.9, 595.3)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_text(data: bytes, page: int = 0) -> str:
    """The page's text with all runs of whitespace made single spaces, so
    that a line break chosen by the layout does not fail a search."""
    return " ".join(reader(data).pages[page].extract_text().split())


def all_text(data: bytes) -> str:
    return " ".join(page_text(data, index) for index in range(len(reader(data).pages)))


def page_size(data: bytes, page: int = 0) -> tuple[float, float]:
    box = reader(data).pages[page].mediabox
    return float(box.width), float(box.height)


def image_count(data: bytes, page: int = 0) -> int:
    resources = reader(data).pages[page]["/Resources"]
    xobjects = resources.get("/XObject", {})
    return sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")
