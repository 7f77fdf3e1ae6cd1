"""A campaign year that grows for the report's query budget: each round
adds a school to the campaign and a class to each of its schools, with
pupils who attended a session, practised, and helped neighbours submit
real dossiers that reached their result within the school year. Test code
only; the caller travels to a day of the 2016-2017 school year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from dichvucong.accounts.models import User
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_cast, make_dossier
from dichvucong.outreach.models import (
    Ambassador,
    Attendance,
    PracticeAttempt,
    Pupil,
    School,
    SchoolClass,
    TrainingSession,
)
from dichvucong.outreach.tests.cast import SCHOOL_YEAR, OutreachCast, make_outreach_cast
from dichvucong.outreach.tests.report_tests.helping import record_help

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
IN_THE_SCHOOL_YEAR = datetime(2017, 5, 15, 9, 0, tzinfo=HANOI)


@dataclass
class Year:
    oc: OutreachCast
    dc: Cast
    rounds: int = 0


def casts() -> Year:
    """Both casts name their citizen 001090012345: the outreach one is renamed."""
    oc = make_outreach_cast()
    User.objects.filter(pk=oc.citizen.pk).update(username="oc-001090012345")
    return Year(oc, make_cast())


def grow(year: Year, times: int = 1, pupils: int = 4, helpers: int = 2) -> Year:
    for _round in range(times):
        year.rounds += 1
        oc = year.oc
        school = School.objects.create(name=f"THCS Thêm {year.rounds}", ward=oc.ward_b)
        oc.campaign.schools.add(school)
        for each in oc.campaign.schools.all():
            _class(year, each, pupils, helpers)
    return year


def _class(year: Year, school: School, pupils: int, helpers: int) -> None:
    oc, name = year.oc, f"8T{year.rounds}"
    school_class = SchoolClass.objects.create(school=school, name=name, school_year=SCHOOL_YEAR)
    rows = Pupil.objects.bulk_create(
        Pupil(school_class=school_class, full_name=f"Học sinh {name}-{n}", birth_year=2003)
        for n in range(pupils)
    )
    session = TrainingSession.objects.create(
        campaign=oc.campaign,
        school=school,
        place="Hội trường",
        starts_at=datetime(2017, 3, 2, 8, tzinfo=HANOI),
        ends_at=datetime(2017, 3, 2, 10, tzinfo=HANOI),
    )
    Attendance.objects.bulk_create(Attendance(session=session, pupil=p, present=True) for p in rows)
    PracticeAttempt.objects.bulk_create(
        PracticeAttempt(
            pupil=p,
            procedure=year.dc.procedure,
            campaign=oc.campaign,
            completed_at=IN_THE_SCHOOL_YEAR,
        )
        for p in rows
    )
    for pupil in rows[:helpers]:
        ambassador = Ambassador.objects.create(
            campaign=oc.campaign,
            pupil=pupil,
            residential_group=oc.group_a,
            since=date(2017, 3, 17),
        )
        for status in (Status.RETURNED, Status.PROCESSING):
            record_help(ambassador, make_dossier(year.dc, status))
