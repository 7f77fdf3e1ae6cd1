"""School years ("2016-2017") and the years of birth that fit a grade.
Framework-free."""

from __future__ import annotations

import re
from datetime import date

SCHOOL_YEAR_RE = re.compile(r"^(\d{4})-(\d{4})$")
# Vietnamese schools open in early September; pupils gather from mid-August.
FIRST_MONTH = 8
# A child starts grade 1 in the calendar year they turn 6, so a pupil in
# grade g in school year S-(S+1) is usually born in S - (g + 5). Pupils who
# started late or repeated a year are older; a few skipped ahead. The window
# allows three years older and two years younger than usual: for grade 8 in
# 2016-2017 that is born 2000-2005 (usual 2003).
YEARS_OLDER = 3
YEARS_YOUNGER = 2


def school_year_of(day: date) -> str:
    start = day.year if day.month >= FIRST_MONTH else day.year - 1
    return f"{start}-{start + 1}"


def start_year(school_year: str) -> int:
    """The calendar year the school year begins in; ValueError if the text
    is not "YYYY-YYYY" with consecutive years."""
    match = SCHOOL_YEAR_RE.match(school_year.strip())
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValueError(school_year)
    return int(match.group(1))


def bounds(school_year: str) -> tuple[date, date]:
    """The first day of the school year and the first day of the next one
    (1 August to 1 August): a date d is in the year when first <= d < next."""
    start = start_year(school_year)
    return date(start, FIRST_MONTH, 1), date(start + 1, FIRST_MONTH, 1)


def birth_years_for(grade: int, school_year: str) -> range:
    usual = start_year(school_year) - (grade + 5)
    return range(usual - YEARS_OLDER, usual + YEARS_YOUNGER + 1)
