"""Class roster import: an XLSX or CSV file with the columns Trường, Lớp,
Họ và tên, Năm sinh, Họ tên phụ huynh, SĐT phụ huynh.

Headers are matched without regard to case or diacritics; other columns are
ignored. Every row is checked before anything is written, and every problem
is reported with the file's row number (the header is row 1) and the column,
so the coordinator can fix the file in one go. Classes are not created from
the file: a class name that does not exist is far more often a typo than a
new class, so classes are added first ("Thêm lớp"). A valid file is written
in one transaction; pupils already there, matched by school, class, name and
year of birth, are updated rather than added twice.

`process_import` does the work for a RosterImport row and keeps its
`done` counter up to date in batches while rows are checked, so the
progress page can show how far it got.
"""

from __future__ import annotations

import csv
import io
import logging
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dichvucong.lib import filecheck
from dichvucong.lib.identity import InvalidIdentity, clean_mobile_phone
from dichvucong.lib.text import fold
from dichvucong.outreach.access import scope_for
from dichvucong.outreach.constants import ImportStatus
from dichvucong.outreach.models import (
    Campaign,
    Guardian,
    Pupil,
    RosterImport,
    School,
    SchoolClass,
)
from dichvucong.outreach.schoolyear import birth_years_for

logger = logging.getLogger(__name__)

# Field -> the header as users write it; also how errors name the column.
COLUMNS = {
    "school": "Trường",
    "class_name": "Lớp",
    "name": "Họ và tên",
    "birth_year": "Năm sinh",
    "guardian_name": "Họ tên phụ huynh",
    "guardian_phone": "SĐT phụ huynh",
}
ALIASES = {
    "ten truong": "school",
    "ten lop": "class_name",
    "ho ten": "name",
    "ho ten hoc sinh": "name",
    "ho va ten hoc sinh": "name",
    "so dien thoai phu huynh": "guardian_phone",
    "dien thoai phu huynh": "guardian_phone",
    "ho va ten phu huynh": "guardian_name",
}
EXTENSIONS = (".xlsx", ".csv")
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
BATCH = 500
NAME_MAX = 150
SYSTEM_ERROR = gettext_lazy(
    "Có lỗi hệ thống khi nhập danh sách; chưa có học sinh nào được lưu. Vui lòng thử lại sau."
)


class RosterFileError(Exception):
    """The file as a whole cannot be read; the message says why."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class RosterRow:
    row: int
    school_class: SchoolClass
    name: str
    birth_year: int
    guardian_name: str
    guardian_phone: str

    @property
    def key(self) -> tuple[int, str, int]:
        return (self.school_class.pk, name_key(self.name), self.birth_year)


# --- Normalising ---------------------------------------------------------------


def clean_name(value: str) -> str:
    """NFC (files from some Mac tools are NFD) with single spaces."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def name_key(name: str) -> str:
    """Names compare case-insensitively but with their diacritics: "Lan"
    and "Lân" are two different pupils."""
    return clean_name(name).casefold()


def school_key(name: str) -> str:
    """ "Trường THCS Khương Đình", "THCS Khương Đình" and "khuong dinh" are
    the same school."""
    key = fold(name)
    for prefix in ("truong ", "thcs "):
        key = key.removeprefix(prefix)
    return key


def class_key(name: str) -> str:
    return fold(name).replace(" ", "")


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


# --- Reading the file --------------------------------------------------------------


def read_rows(name: str, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) for every row, header first (row 1)."""
    ext = PurePosixPath(name).suffix.lower()
    if ext == ".xlsx":
        return _xlsx_rows(data)
    if ext == ".csv":
        return _csv_rows(data)
    raise RosterFileError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."))


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise RosterFileError(_("Không đọc được tệp Excel. Hãy lưu lại dạng .xlsx.")) from error
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    try:
        text = data.decode("utf-8-sig")  # Excel writes a BOM, others do not
    except UnicodeDecodeError as error:
        raise RosterFileError(_("Tệp CSV phải được lưu với bảng mã UTF-8.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    for number, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        yield number, list(values)


def header_map(header: list[Any]) -> dict[str, int]:
    """Field -> column index; RosterFileError naming the missing columns."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = fold(cell_text(title))
        field = next((f for f, label in COLUMNS.items() if fold(label) == key), None)
        field = field or ALIASES.get(key)
        if field and field not in found:
            found[field] = index
    missing = [label for field, label in COLUMNS.items() if field not in found]
    if missing:
        raise RosterFileError(_("Thiếu cột: %(columns)s.") % {"columns": ", ".join(missing)})
    return found


# --- Checking rows -----------------------------------------------------------------


class Checker:
    """Checks rows one by one against the schools and classes the import
    may write to, remembering keys to catch pupils listed twice."""

    def __init__(self, schools: list[School], classes: list[SchoolClass], school_year: str):
        self.school_year = school_year
        self.schools = {school_key(school.name): school for school in schools}
        self.classes = {(item.school_id, class_key(item.name)): item for item in classes}
        self.seen: dict[tuple[int, str, int], int] = {}
        self.errors: list[RowError] = []

    @classmethod
    def for_import(cls, job: RosterImport) -> Checker:
        schools = allowed_schools(job)
        classes = list(SchoolClass.objects.filter(school__in=schools, school_year=job.school_year))
        return cls(schools, classes, job.school_year)

    def error(self, row: int, field: str, message: str) -> None:
        self.errors.append(RowError(row, COLUMNS[field], message))

    def check(self, row: int, cells: list[Any], columns: dict[str, int]) -> RosterRow | None:
        values = {
            field: cells[index] if index < len(cells) else None for field, index in columns.items()
        }
        before = len(self.errors)
        for field, label in COLUMNS.items():
            if not cell_text(values[field]):
                self.error(row, field, _("Chưa điền %(column)s.") % {"column": label})
        if len(self.errors) > before:
            return None
        school_class = self._school_class(row, values)
        name = self._name(row, "name", values["name"])
        year = self._birth_year(row, values["birth_year"], school_class)
        guardian_name = self._name(row, "guardian_name", values["guardian_name"])
        phone = self._phone(row, values["guardian_phone"])
        if len(self.errors) > before or school_class is None:
            return None
        assert year is not None and phone is not None  # checked just above
        parsed = RosterRow(row, school_class, name, year, guardian_name, phone)
        return parsed if self._first_time(parsed) else None

    def _school_class(self, row: int, values: dict[str, Any]) -> SchoolClass | None:
        school_name = cell_text(values["school"])
        school = self.schools.get(school_key(school_name))
        if school is None:
            self.error(
                row,
                "school",
                _("Trường “%(name)s” không thuộc các trường được nhập trong lần này.")
                % {"name": school_name},
            )
            return None
        class_name = cell_text(values["class_name"])
        found = self.classes.get((school.pk, class_key(class_name)))
        if found is None:
            self.error(
                row,
                "class_name",
                _(
                    "Lớp “%(name)s” chưa có ở %(school)s năm học %(year)s. Hãy thêm lớp "
                    "trước rồi nhập lại."
                )
                % {"name": class_name, "school": school.name, "year": self.school_year},
            )
        return found

    def _name(self, row: int, field: str, value: Any) -> str:
        name = clean_name(cell_text(value))
        if len(name) > NAME_MAX:
            self.error(row, field, _("Dài quá %(max)s ký tự.") % {"max": NAME_MAX})
        elif any(char.isdigit() for char in name):
            self.error(row, field, _("Họ tên không được có chữ số."))
        return name

    def _birth_year(self, row: int, value: Any, school_class: SchoolClass | None) -> int | None:
        text = cell_text(value)
        if not (len(text) == 4 and text.isascii() and text.isdigit()):
            self.error(row, "birth_year", _("Năm sinh phải là số có 4 chữ số, ví dụ 2003."))
            return None
        year = int(text)
        if school_class is not None:
            allowed = birth_years_for(school_class.grade, self.school_year)
            if year not in allowed:
                self.error(
                    row,
                    "birth_year",
                    _(
                        "Năm sinh %(year)s không phù hợp với học sinh lớp %(grade)s năm học "
                        "%(school_year)s (từ %(first)s đến %(last)s)."
                    )
                    % {
                        "year": year,
                        "grade": school_class.grade,
                        "school_year": self.school_year,
                        "first": allowed[0],
                        "last": allowed[-1],
                    },
                )
        return year

    def _phone(self, row: int, value: Any) -> str | None:
        try:
            return clean_mobile_phone(phone_text(value))
        except InvalidIdentity as error:
            self.error(row, "guardian_phone", _(error.message))
            return None

    def _first_time(self, parsed: RosterRow) -> bool:
        first = self.seen.setdefault(parsed.key, parsed.row)
        if first != parsed.row:
            self.error(
                parsed.row,
                "name",
                _("Trùng với dòng %(row)s (cùng trường, lớp, họ tên và năm sinh).")
                % {"row": first},
            )
            return False
        return True


def allowed_schools(job: RosterImport) -> list[School]:
    """A coordinator's import: their school. The education office's: the
    schools of the chosen campaign. Either way only schools the uploader
    may still write to, checked again here because the work may run later
    in a worker."""
    if job.school_id is not None:
        schools = School.objects.filter(pk=job.school_id)
    elif job.campaign_id is not None:
        schools = job.campaign.schools.all()  # type: ignore[union-attr]
    else:
        return []
    return list(schools.filter(pk__in=scope_for(job.uploaded_by).writable_school_ids))


# --- Writing ------------------------------------------------------------------------


def save_rows(rows: list[RosterRow]) -> tuple[int, int]:
    """Write checked rows in one transaction; (created, updated). A matched
    pupil gets the file's spelling of the name and its guardian. Guardians
    are shared by siblings: matched by name and phone among the guardians
    of the classes in the file, and removed when no pupil is left to them."""
    with transaction.atomic():
        existing = {
            _pupil_key(p): p
            for p in Pupil.objects.filter(
                school_class__in={row.school_class.pk for row in rows},
                erased_at__isnull=True,
            ).select_related("guardian")
        }
        guardians = _guardians_for(rows, existing.values())
        created, changed, left_behind = _sort_out(rows, existing, guardians)
        Pupil.objects.bulk_create(created, batch_size=BATCH)
        Pupil.objects.bulk_update(changed, ["guardian", "full_name"], batch_size=BATCH)
        Guardian.objects.filter(pk__in=left_behind, pupils__isnull=True).delete()
    return len(created), len(changed)


def _sort_out(
    rows: list[RosterRow],
    existing: dict[tuple[int, str, int], Pupil],
    guardians: dict[tuple[str, str], Guardian],
) -> tuple[list[Pupil], list[Pupil], set[int]]:
    """(pupils to create, pupils changed, guardians they may have left)."""
    created: list[Pupil] = []
    changed: list[Pupil] = []
    left_behind: set[int] = set()
    for row in rows:
        guardian = guardians[(name_key(row.guardian_name), row.guardian_phone)]
        pupil = existing.get(row.key)
        if pupil is None:
            created.append(
                Pupil(
                    school_class=row.school_class,
                    full_name=row.name,
                    birth_year=row.birth_year,
                    guardian=guardian,
                )
            )
        elif pupil.guardian_id != guardian.pk or pupil.full_name != row.name:
            if pupil.guardian_id is not None:
                left_behind.add(pupil.guardian_id)
            pupil.guardian, pupil.full_name = guardian, row.name
            changed.append(pupil)
    return created, changed, left_behind


def _pupil_key(pupil: Pupil) -> tuple[int, str, int]:
    return (pupil.school_class_id, name_key(pupil.full_name), pupil.birth_year or 0)


def _guardians_for(rows: list[RosterRow], pupils: Any) -> dict[tuple[str, str], Guardian]:
    known = {
        (name_key(p.guardian.full_name), p.guardian.phone): p.guardian
        for p in pupils
        if p.guardian is not None
    }
    missing: dict[tuple[str, str], Guardian] = {}
    for row in rows:
        key = (name_key(row.guardian_name), row.guardian_phone)
        if key not in known and key not in missing:
            missing[key] = Guardian(full_name=row.guardian_name, phone=row.guardian_phone)
    Guardian.objects.bulk_create(list(missing.values()), batch_size=BATCH)
    return known | missing


# --- The job --------------------------------------------------------------------------


def process_import(import_id: int) -> None:
    """Check and then save one uploaded roster. Claims the row first, so
    a task delivered twice does the work once."""
    claimed = RosterImport.objects.filter(pk=import_id, status=ImportStatus.PENDING).update(
        status=ImportStatus.CHECKING
    )
    if not claimed:
        return
    job = RosterImport.objects.select_related("school", "campaign").get(pk=import_id)
    try:
        rows, errors = check_file(job)
        if errors:
            _finish(job, ImportStatus.FAILED, errors=errors)
        else:
            _set(job, status=ImportStatus.SAVING)
            created, updated = save_rows(rows)
            _finish(job, ImportStatus.DONE, created=created, updated=updated)
    except RosterFileError as error:
        _finish(job, ImportStatus.FAILED, errors=[RowError(0, "", str(error))])
    except Exception:
        logger.exception("roster import %s failed", import_id)
        _finish(job, ImportStatus.FAILED, errors=[RowError(0, "", str(SYSTEM_ERROR))])


def check_file(job: RosterImport) -> tuple[list[RosterRow], list[RowError]]:
    """Every row checked; `done` advances in batches as it goes."""
    with job.file.open("rb") as stream:
        data = stream.read()
    table = read_rows(job.original_name, data)
    header = next(table, None)
    if header is None:
        raise RosterFileError(_("Tệp trống."))
    columns = header_map(header[1])
    body = [(number, cells) for number, cells in table if any(cell_text(v) for v in cells)]
    if not body:
        raise RosterFileError(_("Tệp chưa có học sinh nào."))
    if len(body) > MAX_ROWS:
        raise RosterFileError(_("Mỗi lần nhập tối đa %(max)s dòng.") % {"max": MAX_ROWS})
    _set(job, total=len(body))
    checker = Checker.for_import(job)
    rows: list[RosterRow] = []
    for count, (number, cells) in enumerate(body, start=1):
        parsed = checker.check(number, cells, columns)
        if parsed is not None:
            rows.append(parsed)
        if count % BATCH == 0:
            _set(job, done=count)
    _set(job, done=len(body))
    return rows, checker.errors


def _set(job: RosterImport, **values: Any) -> None:
    for name, value in values.items():
        setattr(job, name, value)
    RosterImport.objects.filter(pk=job.pk).update(**values)


def _finish(
    job: RosterImport,
    status: str,
    *,
    errors: list[RowError] | None = None,
    created: int = 0,
    updated: int = 0,
) -> None:
    """The outcome, and the file deleted: it lists minors, and once
    imported (or refused) it has served its purpose."""
    _set(
        job,
        status=status,
        errors=[asdict(error) for error in errors or []],
        created=created,
        updated=updated,
        finished_at=timezone.now(),
    )
    if job.file:
        job.file.delete(save=False)
        _set(job, file="")


# --- Starting ---------------------------------------------------------------------------


def start_import(
    upload: UploadedFile,
    *,
    by: Any,
    school: School | None,
    campaign: Campaign | None,
    school_year: str,
) -> RosterImport:
    """Store the file under a generated name and queue the work once the
    row is committed: a Celery task (run at once, in-process, in the
    embedded mode without a broker)."""
    ext = PurePosixPath(upload.name or "").suffix.lower()
    job = RosterImport(
        uploaded_by=by,
        school=school,
        campaign=campaign,
        school_year=school_year,
        original_name=filecheck.clean_name(upload.name or ""),
    )
    job.file.save(f"{uuid.uuid4().hex}{ext}", upload, save=False)
    job.save()
    transaction.on_commit(lambda: enqueue(job.pk))
    return job


def enqueue(import_id: int) -> None:
    """A broker that is down must not leave the import waiting forever: the
    work is then done here, in the request (a few seconds for a district)."""
    from dichvucong.outreach.tasks import process_roster_import_task

    try:
        process_roster_import_task.delay(import_id)
    except Exception as error:
        logger.warning(
            "roster import %s not queued (%s); processing in-process",
            import_id,
            type(error).__name__,
        )
        process_import(import_id)
