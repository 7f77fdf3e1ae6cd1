"""Open data and the 766 indicators for a year spanning 01/07/2025, in
both views: the file says which view it is (a column, a field and a note),
the counts add up to the same totals, the scores are the same."""

from __future__ import annotations

import csv
import io
import json

import pytest
import time_machine

from dichvucong.reports import access, report, statistics
from dichvucong.reports.forms import Filters
from dichvucong.reports.opendata import COUNT_FIELDS
from dichvucong.reports.tests.reorganised_world import SPANNING, TODAY, build
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY

pytestmark = pytest.mark.django_db
YEAR = {"tu_ngay": "01/01/2025", "den_ngay": "31/12/2025"}


@pytest.fixture
def reorganised(cast):
    world = build(cast)
    with time_machine.travel(TODAY.strftime("%Y-%m-%d 10:00 +07:00"), tick=False):
        yield world


def _json(client, view: str | None) -> dict:
    params = {**YEAR, **({"cach_xem": view} if view else {})}
    response = client.get("/du-lieu-mo/thong-ke.json", params)
    assert response.status_code == 200
    return json.loads(response.content)


def _sums(records: list[dict]) -> dict[str, int]:
    return {name: sum(record[name] for record in records) for name in COUNT_FIELDS}


def test_the_json_names_its_view_and_both_views_sum_to_the_same(client, reorganised):
    today, of_the_time = _json(client, VIEW_TODAY), _json(client, VIEW_OF_THE_TIME)
    assert today["cach_xem"] == VIEW_TODAY and of_the_time["cach_xem"] == VIEW_OF_THE_TIME
    assert "cach_xem" in today["truong_du_lieu"]
    assert "hiện nay" in today["ghi_chu"][0] and "thời điểm" in of_the_time["ghi_chu"][0]
    assert {record["cach_xem"] for record in today["du_lieu"]} == {VIEW_TODAY}
    assert _sums(today["du_lieu"]) == _sums(of_the_time["du_lieu"])
    assert _sums(today["du_lieu"])["tiep_nhan"] > 50
    codes = {record["ma_co_quan"] for record in today["du_lieu"]}
    assert "T.KM" not in codes and "T.PL" in codes


def test_a_year_reaching_past_the_change_is_shown_by_todays_units_by_default(client, reorganised):
    assert _json(client, None)["cach_xem"] == VIEW_TODAY
    before = client.get("/du-lieu-mo/thong-ke.json", {"nam": 2024})
    assert json.loads(before.content)["cach_xem"] == VIEW_OF_THE_TIME


def test_the_csv_has_the_view_in_a_column_and_a_header(client, reorganised):
    response = client.get("/du-lieu-mo/thong-ke.csv", {**YEAR, "cach_xem": VIEW_OF_THE_TIME})
    assert response["X-Cach-Xem"] == VIEW_OF_THE_TIME
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and {row["cach_xem"] for row in rows} == {VIEW_OF_THE_TIME}
    assert "T.KM" in {row["ma_co_quan"] for row in rows}


def test_the_766_scores_are_the_same_in_both_views(reorganised):
    cards = []
    for view in (VIEW_TODAY, VIEW_OF_THE_TIME):
        filters = Filters(SPANNING, None, None, [], view)
        scope = access.public_scope()
        rows = report.figure_tables(scope, filters, ("agency",), TODAY)["agency"]
        cards.append(report.scorecard(scope, filters, statistics.total(rows)))
    today, of_the_time = cards
    assert today.points == of_the_time.points
    assert [i.numerator for i in today.indicators] == [i.numerator for i in of_the_time.indicators]


def test_the_page_offers_both_views_and_says_which_it_shows(client, reorganised):
    page = client.get("/thong-ke/", {**YEAR, "cach_xem": VIEW_OF_THE_TIME}).content.decode()
    assert 'name="cach_xem"' in page
    assert "Theo đơn vị tại thời điểm phát sinh hồ sơ" in page
    assert "UBND phường Khương Mai" in page
    page = client.get("/thong-ke/", YEAR).content.decode()
    assert "Theo đơn vị hành chính hiện nay" in page


def test_filtering_by_a_new_ward_counts_what_its_old_wards_did_for_it(client, reorganised):
    r = reorganised
    whole = _json(client, VIEW_TODAY)["du_lieu"]
    expected = sum(rec["tiep_nhan"] for rec in whole if rec["ma_co_quan"] == "T.PL")
    params = {**YEAR, "cach_xem": VIEW_TODAY, "co_quan": r.phuong_liet.pk}
    response = client.get("/du-lieu-mo/thong-ke.json", params)
    filtered = json.loads(response.content)["du_lieu"]
    assert {rec["ma_co_quan"] for rec in filtered} == {"T.PL"}
    assert sum(rec["tiep_nhan"] for rec in filtered) == expected
