"""Any report table as CSV or XLSX, named after its period.

CSV is UTF-8 with a byte-order mark: without it Excel reads the file as the
local code page and Vietnamese letters come out garbled."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from dichvucong.reports.formatting import format_date
from dichvucong.reports.tables import COUNT, DATE, POINTS, SHARE, Table, display_value

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
XLSX_NUMBER_FORMATS = {SHARE: "0.0%", POINTS: "0.00", COUNT: "#,##0", DATE: "DD/MM/YYYY"}


def csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    for row in [*table.rows, *([table.footer] if table.footer else [])]:
        writer.writerow(
            [_csv_value(c.kind, value) for c, value in zip(table.columns, row, strict=True)]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(kind: str, value: Any) -> str:
    # Counts stay plain digits so that spreadsheets read them as numbers.
    if kind == COUNT:
        return "" if value is None else str(value)
    return display_value(kind, value)


def xlsx_bytes(table: Table, period_label: str, scope_label: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(str(table.title))
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in [*table.rows, *([table.footer] if table.footer else [])]:
        sheet.append([_xlsx_value(value) for value in row])
        for column, cell in zip(table.columns, sheet[sheet.max_row], strict=True):
            if column.kind in XLSX_NUMBER_FORMATS:
                cell.number_format = XLSX_NUMBER_FORMATS[column.kind]
    sheet.freeze_panes = "B2"
    _about_sheet(workbook, table, period_label, scope_label)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, int | float | date):
        return value
    return str(value)  # lazy translations and the like


def _about_sheet(workbook: Workbook, table: Table, period_label: str, scope_label: str) -> None:
    about = workbook.create_sheet(_("Thông tin"))
    about.append([_("Bảng"), str(table.title)])
    about.append([_("Kỳ báo cáo"), period_label])
    about.append([_("Phạm vi"), scope_label])
    about.append([_("Ngày lập"), format_date(timezone.localdate())])
    if table.note:
        about.append([_("Ghi chú"), str(table.note)])


def _sheet_title(title: str) -> str:
    """Excel forbids []:*?/\\ in sheet names and allows 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet1"


def export_response(table: Table, fmt: str, period: Any, scope_label: str) -> HttpResponse:
    """`period` is a statistics.Period: its slug names the file."""
    body = xlsx_bytes(table, period.label, scope_label) if fmt == "xlsx" else csv_bytes(table)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    filename = f"thong-ke-{table.slug}_{period.slug}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
