"""Every table downloads as XLSX and CSV with the page's figures."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.reports.tables import STATS_TABLES

SLUGS = [spec.slug for spec in STATS_TABLES] + ["chi-so-766"]


@pytest.mark.parametrize("slug", SLUGS)
def test_xlsx_opens_with_a_vietnamese_header_row_and_the_page_figures(client, world, slug):
    page = client.get("/thong-ke/", {"nam": "2025"})
    table = next(
        t for t in [*page.context["tables"], page.context["indicator_table"]] if t.slug == slug
    )
    response = client.get("/thong-ke/", {"nam": "2025", "format": "xlsx", "bang": slug})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="thong-ke-{slug}_01-01-2025_31-12-2025.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == table.headers
    assert len(rows) == 1 + len(table.rows) + (1 if table.footer else 0)
    for shown, written in zip(table.rows, rows[1:], strict=False):
        assert list(written) == [as_written(value) for value in shown]


def as_written(value):
    """What a page value becomes in a cell: numbers stay numbers."""
    if isinstance(value, float):
        return pytest.approx(value)
    return value if value is None or isinstance(value, int) else str(value)


def test_xlsx_keeps_numbers_as_numbers_with_percent_formats(client, world):
    response = client.get("/thong-ke/", {"format": "xlsx", "bang": "co-quan"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Cơ quan", "Tiếp nhận", "Đã giải quyết"]
    received, on_time = sheet.cell(2, 2), sheet.cell(2, header.index("Tỷ lệ đúng hạn") + 1)
    assert isinstance(received.value, int)
    assert isinstance(on_time.value, float) and on_time.number_format == "0.0%"
    assert sheet.cell(sheet.max_row, 1).value == "Tổng cộng"


@pytest.mark.parametrize("slug", SLUGS)
def test_csv_is_utf8_with_bom_and_matches_the_page(client, world, slug):
    page = client.get("/thong-ke/")
    table = next(
        t for t in [*page.context["tables"], page.context["indicator_table"]] if t.slug == slug
    )
    response = client.get("/thong-ke/", {"format": "csv", "bang": slug})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == table.headers
    assert [row[0] for row in rows[1:]] == [
        str(row[0]) for row in [*table.rows, *([table.footer] if table.footer else [])]
    ]


def test_csv_writes_shares_as_vietnamese_percentages(client, world):
    response = client.get("/thong-ke/", {"format": "csv", "bang": "thang"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    column = rows[0].index("Tỷ lệ đúng hạn")
    shares = [row[column] for row in rows[1:] if row[column] != "—"]
    assert shares and all(s.endswith("%") and "," in s and "." not in s for s in shares)


def test_the_overdue_list_downloads_for_staff(client, cast, world):
    login_verified(client, cast.receptionist_a)
    page = client.get("/thong-ke/noi-bo/")
    response = client.get("/thong-ke/noi-bo/", {"format": "xlsx", "bang": "ho-so-qua-han"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã hồ sơ", "Thủ tục")
    assert len(rows) - 1 == len(page.context["overdue_table"].rows) > 0


def test_the_public_page_offers_no_overdue_list(client, world):
    response = client.get("/thong-ke/", {"format": "csv", "bang": "ho-so-qua-han"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Không có bảng số liệu" in response.content.decode()
