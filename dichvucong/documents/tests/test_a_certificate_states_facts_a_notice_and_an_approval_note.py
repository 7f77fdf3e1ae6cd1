"""What a document that certifies facts adds to the Decree's frame, in
both files: "label: value" lines (a dotted blank when empty), a notice
under the title, the signer's note, an unpadded number where its register
prints one, the file's author and keywords; and in the PDF, what the
caller draws after the closing."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from docx import Document
from pypdf import PdfReader

from dichvucong.documents import pdf, word
from dichvucong.documents.layout import BLANK_VALUE, Fact, OfficialDocument, Paragraph, Signer
from dichvucong.documents.tests.reading import docx_text, pdf_text

CERTIFICATE = OfficialDocument(
    parent_body="",
    issuing_body="Ủy ban nhân dân phường Khương Mai",
    symbol="TLKS",
    place="Khương Mai",
    kind="Trích lục khai sinh",
    subject="",
    body=[
        Fact("Họ, chữ đệm và tên", "Nguyễn Minh An"),
        Fact("Quê quán", ""),
        Paragraph("Đã đăng ký khai sinh theo quy định."),
    ],
    signer=Signer("CHỦ TỊCH", authority="TM. ỦY BAN NHÂN DÂN", name="Hoàng Lãnh Đạo", note="(Ghi)"),
    recipients=["Nguyễn Văn Bình"],
    number=7,
    day=date(2026, 2, 5),
    notice="BẢN THỬ",
    padded_number=False,
    author="UBND phường Khương Mai",
    keywords=["T.KM-1", "", "7/TLKS"],
)
IN_ORDER = [
    "Số: 7/TLKS",
    "Khương Mai, ngày 05 tháng 02 năm 2026",
    "TRÍCH LỤC KHAI SINH",
    "BẢN THỬ",
    "Họ, chữ đệm và tên: Nguyễn Minh An",
    f"Quê quán: {BLANK_VALUE}",
    "Đã đăng ký khai sinh theo quy định.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "(Ghi)",
    "Hoàng Lãnh Đạo",
]


def _in_order(text: str, parts: list[str] = IN_ORDER) -> None:
    positions = [text.find(part) for part in parts]
    assert -1 not in positions, list(zip(parts, positions, strict=True))
    assert positions == sorted(positions)


def test_the_pdf_states_each_fact_under_the_title_and_notice() -> None:
    data = pdf.render(CERTIFICATE)
    _in_order(pdf_text(data))
    info = PdfReader(io.BytesIO(data)).metadata
    assert info.author == "UBND phường Khương Mai"
    assert info["/Keywords"] == "T.KM-1 7/TLKS"


def test_the_docx_states_the_same() -> None:
    data = word.render(CERTIFICATE)
    text = docx_text(data)
    # docx_text reads the body before the letterhead's and closing's tables.
    _in_order(text, IN_ORDER[:2])
    _in_order(text, IN_ORDER[2:7])
    _in_order(text, IN_ORDER[7:])
    properties = Document(io.BytesIO(data)).core_properties
    assert (properties.author, properties.keywords) == ("UBND phường Khương Mai", "T.KM-1 7/TLKS")


def test_a_padded_register_prints_from_01() -> None:
    assert "Số: 07/TLKS" in pdf_text(pdf.render(replace(CERTIFICATE, padded_number=True)))


def test_the_caller_draws_after_the_closing() -> None:
    def stamp(page: pdf.OfficialPDF) -> None:
        page.font("B", 12)
        page.cell(0, 6, "Mã xác thực: ABCD")

    text = pdf_text(pdf.render(CERTIFICATE, after=stamp))
    assert text.index("Hoàng Lãnh Đạo") < text.index("Mã xác thực: ABCD")
