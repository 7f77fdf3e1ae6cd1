from __future__ import annotations

from dichvucong.outreach.models import Pupil
from dichvucong.outreach.tests.helpers import GOOD_ROW, import_rows, problems


def test_the_same_pupil_twice_is_reported_on_the_second_row(oc):
    twice = list(GOOD_ROW)
    twice[2] = "  lê  minh ANH "  # same pupil, typed differently
    job = import_rows(oc.coordinator_a, [GOOD_ROW, twice], school=oc.school_a)
    assert problems(job) == {(3, "Họ và tên")}
    assert "dòng 2" in job.errors[0]["message"]
    assert not Pupil.objects.exists()


def test_same_name_with_another_year_or_other_diacritics_is_another_pupil(oc):
    other_year = list(GOOD_ROW)
    other_year[3] = 2002
    other_name = list(GOOD_ROW)
    other_name[2] = "Lê Minh Ánh"
    job = import_rows(oc.coordinator_a, [GOOD_ROW, other_year, other_name], school=oc.school_a)
    assert job.errors == []
    assert Pupil.objects.count() == 3
