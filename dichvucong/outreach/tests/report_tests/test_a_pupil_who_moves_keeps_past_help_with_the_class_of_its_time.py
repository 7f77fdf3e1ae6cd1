"""One pupil, one person (DESIGN.md §6): a pupil who changes school or
moves up to grade 9 is the same pupil, and the help they gave stays with
the class and school of its time; a roster recognises a moved pupil by
their code and asks before creating a second one."""

from __future__ import annotations

from datetime import date

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.outreach import report
from dichvucong.outreach.models import Ambassador, Pupil, SchoolClass
from dichvucong.outreach.tests.helpers import import_file
from dichvucong.outreach.tests.report_tests.helping import record_help
from dichvucong.outreach.tests.rosters import HEADER, to_csv
from dichvucong.outreach.transfers import move_pupil

pytestmark = pytest.mark.django_db
CODE_HEADER = [*HEADER, "Mã học sinh"]


def _helper(oc, code="0120304050") -> Pupil:
    pupil = Pupil.objects.create(
        school_class=oc.class_a, full_name="Trần Thu Hà", birth_year=2003, pupil_code=code
    )
    ambassador = Ambassador.objects.create(
        campaign=oc.campaign, pupil=pupil, residential_group=oc.group_a, since=date(2017, 3, 17)
    )
    return pupil, ambassador


def _by_school(campaign) -> dict[str, int]:
    return {row.name: row.figures.dossiers for row in report.build_report(campaign).schools}


def test_a_transfer_leaves_the_help_with_the_old_school(oc, cast):
    pupil, ambassador = _helper(oc)
    record_help(ambassador, make_dossier(cast, Status.RETURNED))
    before = _by_school(oc.campaign)

    assert move_pupil(pupil, oc.class_b, on=date(2017, 6, 1))

    assert _by_school(oc.campaign) == before == {"THCS Khương Đình": 1, "THCS Kim Giang": 0}
    ambassador.refresh_from_db()
    assert (ambassador.school_class, ambassador.until, ambassador.active) == (
        oc.class_a,
        date(2017, 6, 1),
        False,
    )
    anyone = report.Criteria(require_trained=False)
    listed = report.build_report(oc.campaign, anyone).commendations
    assert [(c.school, c.class_name) for c in listed] == [("THCS Khương Đình", "8A1")]


def test_moving_up_to_grade_nine_does_not_erase_a_success(oc, cast):
    pupil, ambassador = _helper(oc)
    record_help(ambassador, make_dossier(cast, Status.RETURNED))
    grade_nine = SchoolClass.objects.create(
        school=oc.school_a, name="9A1", school_year="2017-2018", grade=9
    )

    move_pupil(pupil, grade_nine, on=date(2017, 9, 5))

    totals = report.build_report(oc.campaign).totals
    assert (totals.succeeded, totals.dossiers) == (1, 1)


def test_a_roster_with_the_code_moves_the_pupil_after_saying_so(oc, cast):
    pupil, ambassador = _helper(oc)
    record_help(ambassador, make_dossier(cast, Status.RETURNED))
    line = [
        "THCS Kim Giang",
        "8B1",
        "Trần Thu Hà",
        2003,
        "Trần Văn Bình",
        "0912345678",
        pupil.pupil_code,
    ]

    preview = import_file(
        oc.coordinator_b,
        "chuyen.csv",
        to_csv([line], CODE_HEADER),
        school=oc.school_b,
        confirm=False,
    )
    assert Pupil.objects.count() == 1
    assert len(preview.notices) == 1 and "chuyển sang lớp 8B1" in preview.notices[0]["message"]
    assert "8A1, THCS Khương Đình" in preview.notices[0]["message"]

    done = import_file(
        oc.coordinator_b, "chuyen.csv", to_csv([line], CODE_HEADER), school=oc.school_b
    )
    assert done.created == 0
    assert Pupil.objects.count() == 1
    pupil.refresh_from_db()
    assert pupil.school_class == oc.class_b
    assert _by_school(oc.campaign) == {"THCS Khương Đình": 1, "THCS Kim Giang": 0}


def test_a_namesake_without_a_code_is_pointed_out_before_a_second_pupil_is_made(oc):
    _helper(oc, code="")
    line = ["THCS Kim Giang", "8B1", "Trần Thu Hà", 2003, "Trần Văn Bình", "0912345678"]

    preview = import_file(
        oc.coordinator_b, "moi.csv", to_csv([line]), school=oc.school_b, confirm=False
    )

    assert len(preview.notices) == 1
    assert "Nếu là cùng một em" in preview.notices[0]["message"]
    assert Pupil.objects.count() == 1  # nothing saved before the coordinator confirms


def test_a_code_given_twice_in_one_file_is_an_error(oc):
    rows = [
        ["THCS Khương Đình", "8A1", "Lê Minh Anh", 2003, "Lê Văn Hùng", "0912345678", "A1"],
        ["THCS Khương Đình", "8A1", "Lê Minh Châu", 2003, "Lê Văn Hùng", "0912345678", "A1"],
    ]
    job = import_file(
        oc.coordinator_a,
        "trung.csv",
        to_csv(rows, CODE_HEADER),
        school=oc.school_a,
        confirm=False,
    )
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, "Mã học sinh")]
