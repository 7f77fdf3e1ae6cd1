"""Rows of an uploaded table, Excel (.xlsx, first sheet) or CSV (UTF-8, a
BOM or not; comma, semicolon or tab, whichever the first line has most
of): the roster import and the bank statement read files the same way.

Every problem is raised as the caller's own error class, with a message in
Vietnamese for the person who uploaded the file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from django.utils.translation import gettext as _


def read_rows(
    name: str, data: bytes, error: type[Exception]
) -> Iterator[tuple[int, list[Any]]]:
    """(row number from 1, cells) for every row of the file."""
    ext = PurePosixPath(name).suffix.lower()
    if ext == ".xlsx":
        return _xlsx_rows(data, error)
    if ext == ".csv":
        return _csv_rows(data, error)
    raise error(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."))


def _xlsx_rows(data: bytes, error: type[Exception]) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as problem:  # openpyxl raises many kinds on a damaged file
        raise error(_("Không đọc được tệp Excel. Hãy lưu lại dạng .xlsx.")) from problem
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()


def _csv_rows(data: bytes, error: type[Exception]) -> Iterator[tuple[int, list[Any]]]:
    try:
        text = data.decode("utf-8-sig")  # Excel writes a BOM, others do not
    except UnicodeDecodeError as problem:
        raise error(_("Tệp CSV phải được lưu với bảng mã UTF-8.")) from problem
    if "\x00" in text:
        raise error(_("Không đọc được tệp CSV."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        for number, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            yield number, list(values)
    except csv.Error as problem:
        raise error(_("Không đọc được tệp CSV.")) from problem
