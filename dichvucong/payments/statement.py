"""Reading the bank's statement (sao kê) exported as XLSX or CSV: the
credit lines, each with its date, amount, description and the bank's
transaction id.

The header row is found among the first rows (banks put a title and the
account above it) by its column names, compared without case or
diacritics. Lines without an amount (debits in a separate column, blank
lines) and without date and transaction id (totals) are not payments and
are left out. Anything else that cannot be read refuses the whole file,
naming the row: half a statement must never be imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.lib.spreadsheet import read_rows
from dichvucong.lib.text import clean_typed, fold

# Field -> the column name the page documents.
COLUMNS = {
    "booked": "Ngày giao dịch",
    "amount": "Số tiền",
    "description": "Nội dung",
    "bank_id": "Mã giao dịch",
}
# Other names banks' exports use, folded (lower case, no diacritics).
ALIASES = {
    "ngay": "booked",
    "ngay gd": "booked",
    "ngay hach toan": "booked",
    "ngay hieu luc": "booked",
    "thoi gian giao dich": "booked",
    "date": "booked",
    "transaction date": "booked",
    "so tien ghi co": "amount",
    "ghi co": "amount",
    "so tien co": "amount",
    "phat sinh co": "amount",
    "credit": "amount",
    "amount": "amount",
    "noi dung giao dich": "description",
    "noi dung chuyen khoan": "description",
    "dien giai": "description",
    "mo ta": "description",
    "chi tiet giao dich": "description",
    "description": "description",
    "ma gd": "bank_id",
    "so giao dich": "bank_id",
    "so tham chieu": "bank_id",
    "ma tham chieu": "bank_id",
    "so but toan": "bank_id",
    "transaction id": "bank_id",
    "reference": "bank_id",
}
EXTENSIONS = (".xlsx", ".csv")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_LINES = 10_000
HEADER_SEARCH_ROWS = 20
MAX_BANK_ID = 64
DATE_FORMATS = (
    "%d/%m/%Y",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y",
    "%d-%m-%Y %H:%M:%S",
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)
# Whole đồng, maybe grouped by "." or ",", maybe with zero decimals.
_AMOUNT = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d{1,2}))?")
_CURRENCY = re.compile(r"\s*(?:vnđ|vnd|đồng|đ)\s*$", re.IGNORECASE)


class StatementError(Exception):
    """The file cannot be imported; the message says why, for the user."""


@dataclass(frozen=True)
class StatementLine:
    row: int
    booked_at: datetime
    amount: int
    description: str
    bank_id: str


def read_statement(name: str, data: bytes) -> list[StatementLine]:
    if len(data) > MAX_FILE_BYTES:
        raise StatementError(_("Tệp lớn hơn 5 MB."))
    rows = list(read_rows(name, data, StatementError))
    columns, header_row = _find_header(rows)
    lines = []
    for number, cells in rows[header_row:]:
        line = _line(number, cells, columns)
        if line is not None:
            lines.append(line)
    if not lines:
        raise StatementError(_("Tệp không có dòng tiền vào nào."))
    if len(lines) > MAX_LINES:
        raise StatementError(_("Tệp có hơn 10.000 dòng: hãy tách theo ngày."))
    return lines


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_typed(str(value)).strip()


def _columns(header: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    labels = {fold(label): field for field, label in COLUMNS.items()}
    for index, title in enumerate(header):
        key = fold(_text(title)).rstrip(":")
        field = labels.get(key) or ALIASES.get(key)
        if field and field not in found:
            found[field] = index
    return found


def _find_header(rows: list[tuple[int, list[Any]]]) -> tuple[dict[str, int], int]:
    """The columns and the index of the first row after the header."""
    best: dict[str, int] = {}
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = _columns(cells)
        if len(found) == len(COLUMNS):
            return found, index + 1
        best = found if len(found) > len(best) else best
    missing = [label for field, label in COLUMNS.items() if field not in best]
    raise StatementError(_("Thiếu cột: %(columns)s.") % {"columns": ", ".join(missing)})


def _cell(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _line(number: int, cells: list[Any], columns: dict[str, int]) -> StatementLine | None:
    raw_amount = _cell(cells, columns["amount"])
    booked = _cell(cells, columns["booked"])
    bank_id = _text(_cell(cells, columns["bank_id"]))
    if _text(raw_amount) == "" or (_text(booked) == "" and bank_id == ""):
        return None  # a debit, a blank line or a total
    amount = parse_amount(raw_amount)
    if amount is None:
        raise StatementError(_("Dòng %(row)d: số tiền không đọc được.") % {"row": number})
    if amount <= 0:
        return None  # money going out
    if not bank_id or len(bank_id) > MAX_BANK_ID:
        raise StatementError(_("Dòng %(row)d: thiếu mã giao dịch.") % {"row": number})
    booked_at = parse_moment(booked)
    if booked_at is None:
        raise StatementError(_("Dòng %(row)d: ngày giao dịch không đọc được.") % {"row": number})
    description = _text(_cell(cells, columns["description"]))
    return StatementLine(number, booked_at, amount, description, bank_id)


def parse_amount(value: Any) -> int | None:
    """Whole đồng from a cell: 24000, 24000.0, "24.000", "24,000",
    "24.000 đ", "24000.00", "+24,000". None if it is not an amount."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        whole = Decimal(str(value))
        return int(whole) if whole == whole.to_integral_value() else None
    text = _CURRENCY.sub("", _text(value)).replace(" ", "").replace("\u00a0", "")
    sign = -1 if text.startswith("-") else 1
    match = _AMOUNT.fullmatch(text.lstrip("+-"))
    if match is None or (match[2] and int(match[2]) != 0):
        return None
    return sign * int(re.sub(r"[.,]", "", match[1]))


def parse_moment(value: Any) -> datetime | None:
    """The line's date (and time, if given) in Hà Nội time."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    else:
        moment = _parse_text_moment(_text(value))
        if moment is None:
            return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _parse_text_moment(text: str) -> datetime | None:
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    return None
