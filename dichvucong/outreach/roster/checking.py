"""Checking a roster's lines one by one against the schools, classes and
residential groups the import may write to. Every problem is reported
with the file's line number (the header is line 1), the column and a
plain reason, so the coordinator can fix the file in one go."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from dichvucong.catalogue.models import AdminUnit
from dichvucong.lib.identity import InvalidIdentity, clean_mobile_phone
from dichvucong.lib.text import fold
from dichvucong.outreach.models import School, SchoolClass
from dichvucong.outreach.roster.places import PlaceError, Places
from dichvucong.outreach.roster.reading import (
    COLUMNS,
    REQUIRED,
    cell_text,
    clean_name,
    phone_text,
)
from dichvucong.outreach.schoolyear import birth_years_for

NAME_MAX = 150
CODE_MAX = 20  # Pupil.pupil_code


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
    group: AdminUnit | None = None
    code: str = ""

    @property
    def key(self) -> tuple[int, str, int]:
        return (self.school_class.pk, name_key(self.name), self.birth_year)


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


class Checker:
    """Checks rows one by one, remembering keys to catch pupils listed
    twice."""

    def __init__(self, schools: list[School], classes: list[SchoolClass], school_year: str):
        self.school_year = school_year
        self.schools = {school_key(school.name): school for school in schools}
        self.classes = {(item.school_id, class_key(item.name)): item for item in classes}
        self.by_pk = {school.pk: school for school in schools}
        self.places = Places(schools)
        self.seen: dict[tuple[int, str, int], int] = {}
        self.codes: dict[str, int] = {}
        self.errors: list[RowError] = []

    @classmethod
    def for_schools(cls, schools: list[School], school_year: str) -> Checker:
        classes = list(SchoolClass.objects.filter(school__in=schools, school_year=school_year))
        return cls(schools, classes, school_year)

    def error(self, row: int, field: str, message: str) -> None:
        self.errors.append(RowError(row, COLUMNS[field], message))

    def check(self, row: int, cells: list[Any], columns: dict[str, int]) -> RosterRow | None:
        values = {
            field: cells[index] if index < len(cells) else None for field, index in columns.items()
        }
        before = len(self.errors)
        for field in REQUIRED:
            if not cell_text(values[field]):
                self.error(row, field, _("Chưa điền %(column)s.") % {"column": COLUMNS[field]})
        if len(self.errors) > before:
            return None
        school_class = self._school_class(row, values)
        name = self._name(row, "name", values["name"])
        year = self._birth_year(row, values["birth_year"], school_class)
        guardian_name = self._name(row, "guardian_name", values["guardian_name"])
        phone = self._phone(row, values["guardian_phone"])
        group = self._group(row, values, school_class)
        code = self._code(row, values.get("code"))
        if len(self.errors) > before or school_class is None:
            return None
        assert year is not None and phone is not None  # checked just above
        parsed = RosterRow(row, school_class, name, year, guardian_name, phone, group, code)
        return parsed if self._first_time(parsed) and self._first_code(parsed) else None

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

    def _group(
        self, row: int, values: dict[str, Any], school_class: SchoolClass | None
    ) -> AdminUnit | None:
        if school_class is None:
            return None
        school = self.by_pk[school_class.school_id]
        ward, group = cell_text(values.get("ward")), cell_text(values.get("group"))
        try:
            return self.places.group_for(school, clean_name(ward), clean_name(group))
        except PlaceError as error:
            self.error(row, error.field, error.message)
            return None

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

    def _code(self, row: int, value: Any) -> str:
        code = "".join(cell_text(value).split()).upper()
        if code and not (len(code) <= CODE_MAX and code.isascii() and code.isalnum()):
            self.error(
                row,
                "code",
                _("Mã học sinh chỉ gồm chữ và số, tối đa %(max)s ký tự, ví dụ 0120304050.")
                % {"max": CODE_MAX},
            )
        return code

    def _first_code(self, parsed: RosterRow) -> bool:
        if not parsed.code:
            return True
        first = self.codes.setdefault(parsed.code, parsed.row)
        if first != parsed.row:
            self.error(
                parsed.row, "code", _("Mã học sinh trùng với dòng %(row)s.") % {"row": first}
            )
            return False
        return True

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
