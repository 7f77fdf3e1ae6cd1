"""Reading a roster file: XLSX (openpyxl, read-only) or CSV, its header
matched to our columns without regard to case or diacritics."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from dichvucong.lib import spreadsheet
from dichvucong.lib.text import fold

# Field -> the header as users write it; also how errors name the column.
COLUMNS = {
    "school": "Trường",
    "class_name": "Lớp",
    "name": "Họ và tên",
    "birth_year": "Năm sinh",
    "guardian_name": "Họ tên phụ huynh",
    "guardian_phone": "SĐT phụ huynh",
    "ward": "Phường",
    "group": "Tổ dân phố",
    "code": "Mã học sinh",
}
# Columns a file may leave out: the residential group a pupil will serve
# is often chosen later, after the consents come back.
# The pupil's code in the education database is optional too; given, it
# recognises a pupil who moved from another class or school.
OPTIONAL = ("ward", "group", "code")
REQUIRED = tuple(field for field in COLUMNS if field not in OPTIONAL)
ALIASES = {
    "ten truong": "school",
    "ten lop": "class_name",
    "ho ten": "name",
    "ho ten hoc sinh": "name",
    "ho va ten hoc sinh": "name",
    "so dien thoai phu huynh": "guardian_phone",
    "dien thoai phu huynh": "guardian_phone",
    "ho va ten phu huynh": "guardian_name",
    "phuong/xa": "ward",
    "phuong xa": "ward",
    "xa/phuong": "ward",
    "to": "group",
    "tdp": "group",
    "to dan pho ho tro": "group",
    "ma hs": "code",
    "ma dinh danh hoc sinh": "code",
    "ma dinh danh": "code",
}
EXTENSIONS = (".xlsx", ".csv")
MAX_FILE_BYTES = 10 * 1024 * 1024


class RosterFileError(Exception):
    """The file as a whole cannot be read; the message says why."""


def clean_name(value: str) -> str:
    """NFC (files from some Mac tools are NFD) with single spaces."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def cell_text(value: Any) -> str:
    """A cell as text. Excel stores "2003" and phone numbers as numbers:
    2003.0 becomes "2003", and the phone's lost leading 0 is put back
    where the number then looks like a mobile number."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def phone_text(value: Any) -> str:
    text = cell_text(value)
    if isinstance(value, int | float) and len(text) == 9:
        return "0" + text
    return text


def read_rows(name: str, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) for every row, header first (row 1)."""
    return spreadsheet.read_rows(name, data, RosterFileError)


def header_map(header: list[Any]) -> dict[str, int]:
    """Field -> column index; RosterFileError naming the missing columns."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = fold(cell_text(title))
        field = next((f for f, label in COLUMNS.items() if fold(label) == key), None)
        field = field or ALIASES.get(key)
        if field and field not in found:
            found[field] = index
    missing = [COLUMNS[field] for field in REQUIRED if field not in found]
    if missing:
        raise RosterFileError(_("Thiếu cột: %(columns)s.") % {"columns": ", ".join(missing)})
    return found
