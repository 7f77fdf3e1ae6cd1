"""Issue 15 point 3: a year spanning 01/07/2025 shown by the units of the
time and by today's units: the same totals (received, resolved, on time,
late, online, in progress, ratings...), nothing lost, nothing counted
twice, and the split ward's dossiers divided by residential group."""

from __future__ import annotations

import pytest

from dichvucong.dossiers.models import Dossier
from dichvucong.reports import access, report, statistics
from dichvucong.reports.forms import Filters
from dichvucong.reports.statistics import Figures, real_dossiers, received_q
from dichvucong.reports.tests.reorganised_world import SPANNING, TODAY, build
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY

pytestmark = pytest.mark.django_db
TABLES = ("agency", "ward", "procedure", "field", "month")


@pytest.fixture
def reorganised(cast):
    return build(cast)


def _tables(view: str) -> dict[str, list[statistics.Row]]:
    filters = Filters(SPANNING, None, None, [], view)
    return report.figure_tables(access.public_scope(), filters, TABLES, TODAY)


def _direct() -> Figures:
    rows = statistics.table(None, SPANNING, (), TODAY)
    return rows[0].figures if rows else Figures()


def test_every_table_of_both_views_sums_to_the_direct_count(reorganised):
    direct = _direct()
    assert direct.received > 50 and direct.resolved > 20 and direct.in_progress > 0
    for view in (VIEW_TODAY, VIEW_OF_THE_TIME):
        tables = _tables(view)
        for dim in ("agency", "ward", "procedure", "field"):
            assert statistics.total(tables[dim]) == direct, (view, dim)
        months = statistics.total(tables["month"])
        assert (months.received, months.resolved, months.late) == (
            direct.received,
            direct.resolved,
            direct.late,
        )


def test_the_views_differ_only_in_where_the_dossiers_are_counted(reorganised):
    cast = reorganised.cast
    of_the_time = {row.codes["agency"] for row in _tables(VIEW_OF_THE_TIME)["agency"]}
    today = {row.codes["agency"] for row in _tables(VIEW_TODAY)["agency"]}
    assert {cast.agency_a.unit_code, cast.agency_b.unit_code} <= of_the_time
    assert {"T.PL", "T.KDN"} <= today
    # Ward A merged whole: none of its dossiers is left under its old name.
    assert cast.agency_a.unit_code not in today


def _received_at_ward_b(applicant) -> int:
    dossiers = real_dossiers().filter(received_q(SPANNING))
    return dossiers.filter(agency__unit_code="T.KD", applicant=applicant).count()


def test_the_split_wards_dossiers_go_to_the_new_ward_of_their_residential_group(reorganised):
    r = reorganised
    by_agency = {row.codes["agency"]: row.figures for row in _tables(VIEW_TODAY)["agency"]}
    own = real_dossiers().filter(received_q(SPANNING))
    at_kdn = own.filter(agency=r.khuong_dinh).count()
    at_pl = own.filter(agency=r.phuong_liet).count()
    at_a = own.filter(agency=r.cast.agency_a).count()
    assert by_agency["T.KDN"].received == at_kdn + _received_at_ward_b(r.applicants["g2"])
    assert by_agency["T.PL"].received == (at_pl + at_a + _received_at_ward_b(r.applicants["g1"]))
    assert _received_at_ward_b(r.applicants["g1"]) and _received_at_ward_b(r.applicants["g2"])


def test_a_split_wards_dossier_with_no_group_stays_with_its_old_ward_and_says_so(reorganised):
    r = reorganised
    rows = {row.codes["agency"]: row for row in _tables(VIEW_TODAY)["agency"]}
    left = _received_at_ward_b(r.applicants["none"]) + _received_at_ward_b(r.cast.applicant)
    assert left
    assert rows["T.KD"].figures.received == left
    assert "đã kết thúc" in rows["T.KD"].names["agency"]


def test_each_dossier_is_in_one_row_only(reorganised):
    received = real_dossiers().filter(received_q(SPANNING)).count()
    assert (
        received
        == Dossier.objects.filter(is_practice=False, submitted_at__isnull=False)
        .filter(received_q(SPANNING))
        .count()
    )
    for view in (VIEW_TODAY, VIEW_OF_THE_TIME):
        rows = _tables(view)["ward"]
        assert sum(row.figures.received for row in rows) == received
        assert len({row.key for row in rows}) == len(rows)
