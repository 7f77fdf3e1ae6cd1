from __future__ import annotations

import pytest

from dichvucong.outreach.schoolyear import birth_years_for, school_year_of
from dichvucong.outreach.tests.helpers import GOOD_ROW, import_rows, problems


def test_grade_eight_in_2016_2017_allows_born_2000_to_2005():
    years = birth_years_for(8, "2016-2017")
    assert (years[0], years[-1]) == (2000, 2005)


@pytest.mark.parametrize("year", [1999, 2006, 2016])
def test_an_impossible_year_of_birth_is_an_error(oc, year):
    row = list(GOOD_ROW)
    row[3] = year
    job = import_rows(oc.coordinator_a, [row], school=oc.school_a)
    assert problems(job) == {(2, "Năm sinh")}
    assert "2000" in job.errors[0]["message"] and "2005" in job.errors[0]["message"]


@pytest.mark.parametrize("year", [2000, 2003, 2005])
def test_a_plausible_year_of_birth_is_accepted(oc, year):
    row = list(GOOD_ROW)
    row[3] = year
    assert import_rows(oc.coordinator_a, [row], school=oc.school_a).errors == []


def test_the_school_year_turns_in_august():
    from datetime import date

    assert school_year_of(date(2017, 3, 1)) == "2016-2017"
    assert school_year_of(date(2017, 8, 15)) == "2017-2018"
