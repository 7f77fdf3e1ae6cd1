"""The issued PDF read back as text: Vietnamese intact, and the parts of
Decree 30/2020 Appendix I in their order."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from dichvucong.documents.layout import long_date
from dichvucong.results.document import place_name
from dichvucong.results.template_data import load_templates
from dichvucong.results.tests.helpers import pdf_text, resolved, stored_bytes

pytestmark = pytest.mark.django_db
A4_POINTS = (595.3, 841.9)


def test_the_parts_come_in_the_decrees_order_with_vietnamese_intact(cast):
    load_templates()
    data = stored_bytes(resolved(cast).result)
    text = pdf_text(data)

    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == A4_POINTS
    parts = [
        "ỦY BAN NHÂN DÂN PHƯỜNG KHƯƠNG MAI",
        "Số: 1/TLKS",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Khương Mai, ngày",
        "TRÍCH LỤC KHAI SINH",
        "Họ, chữ đệm và tên: Nguyễn Minh An",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH",
        "Hoàng Lãnh Đạo",
        "Mã xác thực:",
    ]
    positions = [text.find(part) for part in parts]
    assert -1 not in positions, list(zip(parts, positions, strict=True))
    assert positions == sorted(positions)


def test_dates_take_a_leading_zero_for_days_below_10_and_months_1_and_2():
    assert long_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert long_date(date(2026, 12, 25)) == "ngày 25 tháng 12 năm 2026"
    assert long_date(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"


def test_the_place_is_the_wards_own_name(cast):
    assert place_name(cast.agency_a) == "Khương Mai"
