"""Roster files for tests and the import benchmark: valid by default
(distinct pupils, years of birth that fit grade 8 in 2016-2017, mobile
numbers), as XLSX or CSV.

Against the demo data (load_demo with load_outreach), write a 2,500-row
file of the 2017 campaign's classes for a manual benchmark:

    .venv/bin/python manage.py shell -c "from dichvucong.outreach.tests.rosters \\
        import write_demo_roster; write_demo_roster('danh-sach.xlsx', 2500)"
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence

from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.demo.outreach import NameMaker
from dichvucong.outreach.models import SchoolClass

HEADER = ["Trường", "Lớp", "Họ và tên", "Năm sinh", "Họ tên phụ huynh", "SĐT phụ huynh"]
Row = list[object]


def roster_rows(classes: Sequence[SchoolClass], count: int, seed: int = 8) -> list[Row]:
    """`count` distinct pupils spread over `classes` in turn."""
    names = NameMaker(random.Random(seed))
    rows: list[Row] = []
    seen: set[tuple[int, str]] = set()
    while len(rows) < count:
        school_class = classes[len(rows) % len(classes)]
        pupil, parent = names.pupil()
        if (school_class.pk, pupil) in seen:
            continue
        seen.add((school_class.pk, pupil))
        year = 2003 if names.rng.random() < 0.9 else 2002
        rows.append(
            [school_class.school.name, school_class.name, pupil, year, parent, names.phone()]
        )
    return rows


def to_xlsx(rows: Sequence[Row], header: Sequence[object] = HEADER) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_csv(
    rows: Sequence[Row],
    header: Sequence[object] = HEADER,
    *,
    bom: bool = True,
    delimiter: str = ",",
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def write_demo_roster(path: str, count: int = 2500) -> None:
    """A valid file of `count` pupils over the demo campaign's classes."""
    from dichvucong.demo.outreach import SCHOOL_YEAR

    classes = list(
        SchoolClass.objects.filter(school_year=SCHOOL_YEAR)
        .select_related("school")
        .order_by("school__name", "name")
    )
    rows = roster_rows(classes, count)
    content = to_csv(rows) if path.endswith(".csv") else to_xlsx(rows)
    with open(path, "wb") as stream:
        stream.write(content)
