"""Every part of Decree 30's frame is in both files, in Vietnamese that
reads back, on A4 with the Decree's margins (A5 for slips)."""

from __future__ import annotations

from datetime import date

import pytest

from dichvucong.documents import pdf, word
from dichvucong.documents.layout import A5, OfficialDocument, Paragraph, Signer, Table
from dichvucong.documents.tests.reading import (
    A4_POINTS,
    A5_POINTS,
    docx_margins_mm,
    docx_page_mm,
    docx_text,
    pdf_page_size,
    pdf_text,
)


def _document(**changes: object) -> OfficialDocument:
    values: dict[str, object] = {
        "parent_body": "UBND quận Thanh Xuân",
        "issuing_body": "Phòng Giáo dục và Đào tạo",
        "symbol": "BC-PGDĐT",
        "place": "Thanh Xuân",
        "kind": "Báo cáo",
        "subject": "Kết quả tuyên truyền dịch vụ công trực tuyến",
        "body": [
            Paragraph("Phòng Giáo dục và Đào tạo báo cáo kết quả như sau:"),
            Table(["Trường", "Số học sinh"], [["THCS Khương Đình", 1234]], [3, 1], ["Cộng", 1234]),
            Paragraph("khen thưởng học sinh.", lead="Điều 1."),
        ],
        "signer": Signer("TRƯỞNG PHÒNG", name="Nguyễn Thị Hoa"),
        "recipients": ["UBND quận (để báo cáo)"],
        "number": 12,
        "day": date(2026, 12, 5),
        "archive": "VT, PGDĐT",
    }
    values.update(changes)
    return OfficialDocument(**values)  # type: ignore[arg-type]


EXPECTED = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "UBND QUẬN THANH XUÂN",
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 12/BC-PGDĐT",
    "Thanh Xuân, ngày 05 tháng 12 năm 2026",
    "BÁO CÁO",
    "Kết quả tuyên truyền dịch vụ công trực tuyến",
    "THCS Khương Đình",
    "1.234",
    "Điều 1. khen thưởng học sinh.",
    "Nơi nhận:",
    "- UBND quận (để báo cáo);",
    "- Lưu: VT, PGDĐT.",
    "TRƯỞNG PHÒNG",
    "Nguyễn Thị Hoa",
]


@pytest.mark.parametrize("expected", EXPECTED)
def test_the_pdf_reads_back_every_part(expected: str) -> None:
    assert expected in pdf_text(pdf.render(_document()))


@pytest.mark.parametrize("expected", EXPECTED)
def test_the_docx_reads_back_every_part(expected: str) -> None:
    assert expected in docx_text(word.render(_document()))


def test_both_are_a4_portrait_with_the_decree_margins() -> None:
    assert pdf_page_size(pdf.render(_document())) == A4_POINTS
    data = word.render(_document())
    assert docx_page_mm(data) == (210, 297)
    top, right, bottom, left = docx_margins_mm(data)
    assert 20 <= top <= 25 and 20 <= bottom <= 25
    assert 30 <= left <= 35 and 15 <= right <= 20


def test_a_slip_sized_document_is_a5() -> None:
    assert pdf_page_size(pdf.render(_document(paper=A5))) == A5_POINTS
    assert docx_page_mm(word.render(_document(paper=A5))) == (148, 210)


def test_a_draft_leaves_number_and_day_blank_and_says_it_is_a_draft() -> None:
    draft = _document(number=None, day=None, year=2026, draft=True, symbol="QĐ-UBND")
    for text in (pdf_text(pdf.render(draft)), docx_text(word.render(draft))):
        assert "DỰ THẢO" in text
        assert "Số: /QĐ-UBND" in text
        assert "Thanh Xuân, ngày tháng năm 2026" in text


def test_the_docx_is_set_in_times_new_roman() -> None:
    from io import BytesIO

    from docx import Document

    document = Document(BytesIO(word.render(_document())))
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_a_long_document_numbers_its_pages_from_the_second() -> None:
    rows = [[f"Trường {n}", n] for n in range(120)]
    long = _document(body=[Table(["Trường", "Số"], rows, [3, 1])])
    text = pdf_text(pdf.render(long))
    assert "Trường 119" in text
    # The second page starts with its number, the first has none before the motto.
    assert text.startswith("UBND QUẬN THANH XUÂN")
    from io import BytesIO

    from pypdf import PdfReader

    second = PdfReader(BytesIO(pdf.render(long))).pages[1].extract_text().split()
    assert second[0] == "2"
