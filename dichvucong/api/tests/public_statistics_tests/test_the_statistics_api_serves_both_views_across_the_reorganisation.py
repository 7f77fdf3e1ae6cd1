"""The public statistics API takes the page's view (cach_xem) and says
which one it served; both views give the same totals."""

from __future__ import annotations

import pytest
import time_machine

from dichvucong.reports.tests.reorganised_world import TODAY, build

pytestmark = pytest.mark.django_db
YEAR = {"tu_ngay": "01/01/2025", "den_ngay": "31/12/2025", "dimension": "agency"}


@pytest.fixture
def reorganised(cast):
    world = build(cast, before=60, after=20)
    with time_machine.travel(TODAY.strftime("%Y-%m-%d 10:00 +07:00"), tick=False):
        yield world


def _table(client, view: str) -> dict:
    response = client.get("/api/v1/statistics/public/tables", {**YEAR, "cach_xem": view})
    assert response.status_code == 200, response.content
    return response.json()


def test_both_views_are_served_named_and_add_up_to_the_same(client, reorganised):
    today, of_the_time = _table(client, "hien-nay"), _table(client, "tai-thoi-diem")
    assert (today["view"], of_the_time["view"]) == ("hien-nay", "tai-thoi-diem")
    assert today["total"] == of_the_time["total"]
    assert "T.KM" in {row["code"] for row in of_the_time["rows"]}
    assert "T.KM" not in {row["code"] for row in today["rows"]}


def test_an_unknown_view_is_refused_naming_the_parameter(client, reorganised):
    response = client.get("/api/v1/statistics/public/tables", {**YEAR, "cach_xem": "hom-qua"})
    assert response.status_code == 422
    assert "cach_xem" in response.content.decode()
