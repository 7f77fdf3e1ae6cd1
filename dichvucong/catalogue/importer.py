"""Import procedures from a CSV file with the columns of
demo/data/procedures_hanoi.csv, plus optional `online_level` and `result_type`.

Every row is checked before anything is written; one bad row and nothing is
imported, and every problem is reported with the file's physical line (the
header is line 1) and the column, so an operator can fix the file in one go.
A re-import updates procedures by code and keeps what the administrator set
that the file does not say: the e-form, the online level, the result type,
uploaded blank forms and the amount of a council-set fee.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from dichvucong.catalogue import fees
from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Agency, Field, Procedure, RequiredDocument

REQUIRED_COLUMNS = (
    "code",
    "name",
    "field",
    "level_2017",
    "agency_2017",
    "processing_working_days",
    "same_day_with_15h_rule",
    "fee",
    "main_documents",
    "notes",
)
OPTIONAL_COLUMNS = ("online_level", "result_type")
CODE_RE = re.compile(r"^\d\.\d{6}$")
YES = {"yes", "y", "có", "co", "1", "true"}
NO = {"no", "n", "không", "khong", "0", "false"}
# "(nếu có)", "(nếu đã từng kết hôn)": the document is needed only in that case.
OPTIONAL_DOCUMENT_RE = re.compile(r"\(\s*nếu\b", re.IGNORECASE)


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Dòng %(line)s, cột %(column)s: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class DocumentInUse(Exception):
    """A document the file drops is attached to dossiers already, and those
    must keep saying what they were filed as."""


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class ProcedureRow:
    line: int
    code: str
    values: dict[str, Any]
    field_name: str
    documents: list[tuple[str, bool]]
    # None where the file says nothing, so a re-import keeps the stored value.
    online_level: int | None = None
    result_type: str | None = None


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)


def import_procedures(stream: TextIO, *, dry_run: bool = False) -> ImportResult:
    """Check every row of `stream`, then write them all in one transaction.
    Raises ImportFailed (nothing written) if any row is bad."""
    rows = parse_procedures(stream)
    result = ImportResult()
    errors: list[RowError] = []
    with transaction.atomic():
        for row in rows:
            try:
                getattr(result, _save(row)).append(row.code)
            except DocumentInUse as in_use:
                errors.append(RowError(row.line, "main_documents", str(in_use)))
        if errors:
            raise ImportFailed(errors)
        if dry_run:
            transaction.set_rollback(True)
    return result


def parse_procedures(stream: TextIO) -> list[ProcedureRow]:
    """The checked rows of `stream`, or ImportFailed with every problem."""
    reader = csv.reader(stream)
    header = _read_header(reader)
    agencies = _agencies_by_name()
    errors: list[RowError] = []
    rows: list[ProcedureRow] = []
    first_line: dict[str, int] = {}
    for line, cells in _physical_rows(reader):
        row, row_errors = _parse_row(line, dict(zip(header, cells, strict=False)), agencies)
        row_errors += _shape_errors(line, cells, header, row, first_line)
        # In the file's column order, so the operator reads the row left to right.
        row_errors.sort(key=lambda e: header.index(e.column) if e.column in header else -1)
        errors.extend(row_errors)
        if row is not None and not row_errors:
            first_line[row.code] = line
            rows.append(row)
    if errors:
        raise ImportFailed(errors)
    return rows


def _read_header(reader: Any) -> list[str]:
    header = next(reader, None)
    header = [name.strip() for name in header] if header is not None else None
    errors = _header_errors(header)
    if errors or header is None:
        raise ImportFailed(errors)
    return header


def _shape_errors(
    line: int,
    cells: list[str],
    header: list[str],
    row: ProcedureRow | None,
    first_line: dict[str, int],
) -> list[RowError]:
    """What is wrong with the row as a whole rather than with one cell."""
    errors = []
    if len(cells) != len(header):
        message = _("Số ô (%(n)s) khác số cột (%(m)s).") % {"n": len(cells), "m": len(header)}
        errors.append(RowError(line, "*", message))
    if row is not None and row.code in first_line:
        message = _("Mã trùng với dòng %(line)s.") % {"line": first_line[row.code]}
        errors.append(RowError(line, "code", message))
    return errors


def _physical_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each record with the physical line it starts on: a quoted cell may
    span lines, so the record count is not the line number."""
    end_of_previous = reader.line_num
    for cells in reader:
        start = end_of_previous + 1
        end_of_previous = reader.line_num
        if any(cell.strip() for cell in cells):
            yield start, cells


def _header_errors(header: list[str] | None) -> list[RowError]:
    if header is None:
        return [RowError(1, "*", _("Tệp rỗng."))]
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    errors = [
        RowError(1, name, _("Thiếu cột bắt buộc."))
        for name in REQUIRED_COLUMNS
        if name not in header
    ]
    # An unknown column is most often a misspelt optional one, whose value
    # would otherwise be dropped without a word.
    errors += [RowError(1, name, _("Cột không xác định.")) for name in header if name not in known]
    errors += [
        RowError(1, name, _("Cột bị lặp.")) for name in set(header) if header.count(name) > 1
    ]
    return errors


def _agencies_by_name() -> dict[str, list[Agency]]:
    # Matched in Python: SQLite's case-insensitive comparison only folds ASCII,
    # and agency names are Vietnamese.
    found: dict[str, list[Agency]] = {}
    for agency in Agency.objects.all():
        found.setdefault(agency.name.strip().casefold(), []).append(agency)
    return found


def _parse_row(
    line: int, cells: dict[str, str], agencies: dict[str, list[Agency]]
) -> tuple[ProcedureRow | None, list[RowError]]:
    errors: list[RowError] = []

    def check(column: str, reader: Any) -> Any:
        try:
            return reader((cells.get(column) or "").strip())
        except ValueError as error:
            errors.append(RowError(line, column, str(error)))
            return None

    code = check("code", _code)
    level = check("level_2017", _level)
    agency = check("agency_2017", lambda v: _agency(v, level, agencies)) if level else None
    fee_text = check("fee", _text(300))
    values = {
        "name": check("name", _text(300)),
        "handling_level": level,
        "agency_id": agency.pk if agency else None,
        "working_days": check("processing_working_days", _working_days),
        "same_day_cutoff": check("same_day_with_15h_rule", _yes_no),
        "fee_text": fee_text,
        "fee_rule": check("fee", _fee_rule) if fee_text else None,
        "notes": (cells.get("notes") or "").strip(),
    }
    row = ProcedureRow(
        line,
        code,
        values,
        field_name=check("field", _text(200)),
        documents=check("main_documents", _documents),
        online_level=check("online_level", _online_level),
        result_type=check("result_type", _optional_text(200)),
    )
    return (None, errors) if errors else (row, [])


def _code(value: str) -> str:
    if not CODE_RE.match(value):
        raise ValueError(_("Mã '%(value)s' không đúng dạng 1.234567.") % {"value": value})
    return value


def _text(max_length: int) -> Any:
    def read(value: str) -> str:
        if not value:
            raise ValueError(_("Không được để trống."))
        return _optional_text(max_length)(value)

    return read


def _optional_text(max_length: int) -> Any:
    def read(value: str) -> str | None:
        if len(value) > max_length:
            raise ValueError(_("Dài quá %(n)s ký tự.") % {"n": max_length})
        return value or None

    return read


def _level(value: str) -> str:
    if value not in HandlingLevel.values:
        raise ValueError(
            _("Cấp '%(value)s' không hợp lệ; dùng ward, district hoặc city.") % {"value": value}
        )
    return value


def _agency(value: str, level: str, agencies: dict[str, list[Agency]]) -> Agency | None:
    # A ward procedure is handled by the committee of the ward the applicant
    # chooses, so the file's "UBND phường" names no single agency.
    if level == HandlingLevel.WARD:
        return None
    matches = agencies.get(value.casefold(), [])
    if not matches:
        raise ValueError(_("Không có cơ quan tên '%(value)s'.") % {"value": value})
    if len(matches) > 1:
        raise ValueError(_("Có nhiều cơ quan tên '%(value)s'.") % {"value": value})
    return matches[0]


def _working_days(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) > 365:
        raise ValueError(_("Số ngày làm việc phải là số nguyên từ 0 đến 365."))
    return int(value)


def _yes_no(value: str) -> bool:
    if value.lower() in YES:
        return True
    if value.lower() in NO:
        return False
    raise ValueError(_("Ghi yes hoặc no."))


def _fee_rule(value: str) -> dict[str, Any]:
    try:
        return fees.parse_fee(value)
    except fees.FeeParseError as error:
        raise ValueError(str(error)) from error


def _documents(value: str) -> list[tuple[str, bool]]:
    documents = []
    for name in (part.strip() for part in value.split(";")):
        if len(name) > 300:
            raise ValueError(_("Tên giấy tờ dài quá 300 ký tự: '%(name)s…'") % {"name": name[:40]})
        if name:
            documents.append((name, not OPTIONAL_DOCUMENT_RE.search(name)))
    return documents


def _online_level(value: str) -> int | None:
    if not value:
        return None
    if value not in {str(level) for level in OnlineLevel.values}:
        raise ValueError(_("Mức độ trực tuyến phải là 1, 2, 3 hoặc 4."))
    return int(value)


def _save(row: ProcedureRow) -> str:
    """Write one checked row; say whether it was created, updated or unchanged."""
    values = dict(row.values)
    values["field_id"] = Field.objects.get_or_create(name=row.field_name)[0].pk
    procedure = Procedure.objects.filter(code=row.code).first()
    created = procedure is None
    if procedure is None:
        procedure = Procedure(code=row.code, online_level=row.online_level or OnlineLevel.FORMS)
    else:
        values["fee_rule"] = _keep_council_amount(procedure.fee_rule, values["fee_rule"])
    if row.online_level is not None:
        values["online_level"] = row.online_level
    if row.result_type is not None:
        values["result_type"] = row.result_type
    changed = _assign(procedure, values)
    if created or changed:
        procedure.save()
    documents_changed = _sync_documents(procedure, row.documents)
    if created:
        return "created"
    return "updated" if changed or documents_changed else "unchanged"


def _keep_council_amount(old: Any, new: dict[str, Any]) -> dict[str, Any]:
    """The file cannot know the amount an administrator entered for a
    council-set fee; re-importing must not wipe it."""
    same_kind = isinstance(old, dict) and old.get("kind") == new["kind"] == fees.SET_BY_COUNCIL
    if same_kind and old.get("amount") is not None:
        return {**new, "amount": old["amount"]}
    return new


def _assign(instance: Procedure, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def _sync_documents(procedure: Procedure, documents: Iterable[tuple[str, bool]]) -> bool:
    """Make the procedure's documents the file's list. Documents are matched
    by name so a blank form the administrator uploaded stays attached."""
    existing = {doc.name: doc for doc in procedure.documents.all()}
    changed = False
    for position, (name, required) in enumerate(documents):
        doc = existing.pop(name, None) or RequiredDocument(procedure=procedure, name=name)
        if doc.pk is None or (doc.required, doc.position) != (required, position):
            doc.required, doc.position = required, position
            doc.save()
            changed = True
    _delete_documents(list(existing.values()))
    return changed or bool(existing)


def _delete_documents(documents: list[RequiredDocument]) -> None:
    # One by one, to name each document that dossiers still point to; the
    # refusal comes before any row is deleted, so nothing is half done.
    in_use = []
    for doc in documents:
        try:
            doc.delete()
        except ProtectedError:
            in_use.append(doc.name)
    if in_use:
        raise DocumentInUse(
            _(
                "Không bỏ được giấy tờ đã có hồ sơ nộp kèm: %(names)s. Giữ nguyên tên giấy tờ "
                "đó trong tệp."
            )
            % {"names": "; ".join(in_use)}
        )
