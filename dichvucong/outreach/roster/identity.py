"""One pupil, one person (DESIGN.md §6): which lines of a checked roster
are pupils the system already knows elsewhere.

- A line with a pupil code that another class holds is that pupil moving
  here (a transfer, or next year's class): the preview says so, and saving
  moves the pupil (transfers.move_pupils) instead of creating a second one.
- A line without a code whose name and year of birth match a pupil of
  another class only (another school, or last year's) may be the same
  child: the preview asks the coordinator to add the code to move them, or
  to confirm a new pupil.

Both are notices, not errors: the coordinator reads them before confirming.
Two queries for the whole file."""

from __future__ import annotations

from django.utils.translation import gettext as _

from dichvucong.outreach.models import Pupil
from dichvucong.outreach.roster.checking import RosterRow, RowError, name_key

CODE_COLUMN = "Mã học sinh"
NAME_COLUMN = "Họ và tên"


def known_by_code(rows: list[RosterRow]) -> dict[str, Pupil]:
    codes = {row.code for row in rows if row.code}
    found = Pupil.objects.filter(pupil_code__in=codes, erased_at__isnull=True)
    return {
        pupil.pupil_code: pupil
        for pupil in found.select_related("school_class__school", "guardian")
    }


def notices(rows: list[RosterRow]) -> list[RowError]:
    by_code = known_by_code(rows)
    found = [_move_notice(row, by_code[row.code]) for row in rows if row.code in by_code]
    found += _lookalikes(row for row in rows if not row.code)
    return sorted((notice for notice in found if notice), key=lambda notice: notice.row)


def _where(pupil: Pupil) -> str:
    school_class = pupil.school_class
    return _("lớp %(cls)s, %(school)s, năm học %(year)s") % {
        "cls": school_class.name,
        "school": school_class.school.name,
        "year": school_class.school_year,
    }


def _move_notice(row: RosterRow, pupil: Pupil) -> RowError | None:
    if pupil.school_class_id == row.school_class.pk:
        return None
    return RowError(
        row.row,
        CODE_COLUMN,
        _(
            "Học sinh có mã %(code)s đang ở %(where)s: khi nhập, em được chuyển sang lớp "
            "%(cls)s. Những hồ sơ em đã giúp vẫn tính cho lớp và trường cũ."
        )
        % {"code": row.code, "where": _where(pupil), "cls": row.school_class.name},
    )


def _lookalikes(rows: object) -> list[RowError | None]:
    rows = list(rows)  # type: ignore[call-overload]
    if not rows:
        return []
    others = Pupil.objects.filter(
        full_name__in={row.name for row in rows},
        birth_year__in={row.birth_year for row in rows},
        erased_at__isnull=True,
    ).select_related("school_class__school")
    known: dict[tuple[str, int], list[Pupil]] = {}
    for pupil in others:
        known.setdefault((name_key(pupil.full_name), pupil.birth_year or 0), []).append(pupil)
    return [
        _lookalike_notice(row, known.get((name_key(row.name), row.birth_year), [])) for row in rows
    ]


def _lookalike_notice(row: RosterRow, same: list[Pupil]) -> RowError | None:
    elsewhere = [p for p in same if p.school_class_id != row.school_class.pk]
    if not elsewhere or len(elsewhere) < len(same):  # one of them is this class's
        return None
    return RowError(
        row.row,
        NAME_COLUMN,
        _(
            "Đã có học sinh %(name)s sinh năm %(year)s ở %(where)s. Nếu là cùng một em "
            "(chuyển trường), hãy ghi Mã học sinh vào tệp để chuyển em sang lớp này; nếu "
            "không, khi nhập sẽ thêm một học sinh mới."
        )
        % {"name": row.name, "year": row.birth_year, "where": _where(elsewhere[0])},
    )
