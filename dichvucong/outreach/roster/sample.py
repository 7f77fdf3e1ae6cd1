"""The sample roster a coordinator downloads: the columns and a few
made-up pupils of the coordinator's own school, class and residential
groups (the demo's THCS Khương Đình when the user has none), written the
several ways people write a group, as CSV or XLSX."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils import timezone

from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach import access
from dichvucong.outreach.constants import DEFAULT_GRADE
from dichvucong.outreach.models import SchoolClass
from dichvucong.outreach.practice import ambassador_groups
from dichvucong.outreach.roster.reading import COLUMNS
from dichvucong.outreach.schoolyear import birth_years_for, school_year_of

# Made-up people; any likeness is chance.
PEOPLE = [
    ("Nguyễn Minh Anh", "Nguyễn Văn Hùng", "0912345678"),
    ("Trần Thu Hà", "Phạm Thị Lan", "0987654321"),
    ("Lê Đức Duy", "Lê Văn Thắng", "0934567890"),
    ("Phạm Ngọc Mai", "Phạm Quang Huy", "0967123456"),
    ("Vũ Gia Bảo", "Đỗ Thị Hồng", "0978234567"),
]
FALLBACK = ("THCS Khương Đình", "8A1", "Phường Khương Đình", ["Tổ dân phố 1", "Tổ 2", "3"])


def sample_rows(user: Any) -> list[list[Any]]:
    school, class_name, ward, groups, year = _place(user)
    rows = []
    for index, (pupil, parent, phone) in enumerate(PEOPLE):
        group = groups[index % len(groups)] if index < len(PEOPLE) - 1 else ""
        # The pupil's code in the education database (made up; 01 for Hà
        # Nội); optional, so the last line leaves it out.
        code = f"01{index + 1:08d}" if index < len(PEOPLE) - 1 else ""
        row = [school, class_name, pupil, year, parent, phone, ward if group else "", group, code]
        rows.append(row)
    return rows


def _place(user: Any) -> tuple[str, str, str, list[str], int]:
    school = access.writable_schools_for(user).order_by("name").first()
    if school is None:
        name, class_name, ward, groups = FALLBACK
        return name, class_name, ward, groups, _usual_year(None)
    school_class = (
        SchoolClass.objects.filter(school=school).order_by("-school_year", "name").first()
    )
    units = list(ambassador_groups(school).select_related("parent").order_by("code")[:3])
    return (
        school.name,
        school_class.name if school_class else FALLBACK[1],
        units[0].parent.name if units and units[0].parent else "",
        _written_ways(units) or FALLBACK[3],
        _usual_year(school_class),
    )


def _written_ways(units: list[AdminUnit]) -> list[str]:
    """The full name, then "Tổ 2", then the bare number, as files do."""
    ways = []
    for index, unit in enumerate(units):
        number = "".join(ch for ch in unit.name if ch.isdigit())
        short = {0: unit.name, 1: f"Tổ {number}", 2: number}[index] if number else unit.name
        ways.append(short)
    return ways


def _usual_year(school_class: SchoolClass | None) -> int:
    if school_class is None:
        years = birth_years_for(DEFAULT_GRADE, school_year_of(timezone.localdate()))
    else:
        years = birth_years_for(school_class.grade, school_class.school_year)
    return years[len(years) // 2]


def sample_csv(user: Any) -> bytes:
    """UTF-8 with a BOM, so Excel shows the Vietnamese correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS.values())
    writer.writerows(sample_rows(user))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def sample_xlsx(user: Any) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(list(COLUMNS.values()))
    for row in sample_rows(user):
        sheet.append(row)
    for column, width in zip("ABCDEFGH", (20, 8, 24, 10, 24, 14, 22, 16), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
