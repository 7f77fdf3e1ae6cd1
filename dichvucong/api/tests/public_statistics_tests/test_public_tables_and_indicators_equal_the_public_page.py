"""Every table and the Decision 766 scorecard of /api/v1/statistics/public
hold the figures of the page /thong-ke/ for the same query string, without
a login; the totals also equal a count made row by row in Python."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from django.test import Client

from dichvucong.api.tests.helpers import API
from dichvucong.dossiers.testing import Cast
from dichvucong.reports.tables import STATS_TABLES
from dichvucong.reports.testing import World
from dichvucong.reports.tests.expected import count

# The page's figure columns (reports.tables.FIGURE_COLUMNS), by API name.
COLUMNS = [
    "received",
    "resolved",
    "early",
    "on_time",
    "late",
    "on_time_share",
    "not_due",
    "overdue",
    "paused",
    "online_share",
    "level4_share",
    "online_payment_share",
    "satisfaction_share",
]


def filters(cast: Cast) -> list[tuple[dict[str, Any], date, date]]:
    """Query strings of the page, and the period each one means."""
    return [
        ({}, date(2025, 1, 1), date(2025, 12, 31)),
        ({"nam": "2025", "thang": "3"}, date(2025, 3, 1), date(2025, 3, 31)),
        (
            {"tu_ngay": "15/12/2024", "den_ngay": "10/02/2025"},
            date(2024, 12, 15),
            date(2025, 2, 10),
        ),
        ({"co_quan": cast.agency_a.pk}, date(2025, 1, 1), date(2025, 12, 31)),
        ({"dia_ban": cast.ward_b.pk, "nam": "2024"}, date(2024, 1, 1), date(2024, 12, 31)),
    ]


def as_page_row(row: dict[str, Any]) -> list[Any]:
    return [row["label"], *(row["figures"][name] for name in COLUMNS)]


@pytest.mark.parametrize("which", range(5))
def test_every_table_equals_the_pages_table(
    client: Client, cast: Cast, world: World, frozen: date, which: int
) -> None:
    query, start, end = filters(cast)[which]
    page = client.get("/thong-ke/", query).context
    for table in page["tables"]:
        dimension = next(s.dimension for s in STATS_TABLES if s.slug == table.slug)
        response = client.get(f"{API}/statistics/public/tables", {**query, "dimension": dimension})
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["period"] == {
            "start": str(start),
            "end": str(end),
            "as_of": str(min(end, frozen)),
        }
        assert [as_page_row(row) for row in body["rows"]] == table.rows, dimension
        total = body["total"] and [table.footer[0], *(body["total"][n] for n in COLUMNS)]
        assert total == table.footer, dimension
        assert body["title"] == str(table.title)


def test_the_total_row_equals_a_direct_count(client: Client, world: World, frozen: date) -> None:
    body = client.get(f"{API}/statistics/public/tables", {"dimension": "ward"}).json()
    expected = count("total", date(2025, 1, 1), date(2025, 12, 31), frozen)[()]
    for name in ("received", "resolved", "early", "on_time", "late", "not_due", "overdue"):
        assert body["total"][name] == expected[name], name
    assert body["total"]["received"] > 0
    assert body["total"]["received"] == sum(row["figures"]["received"] for row in body["rows"])


def test_rows_carry_the_ids_and_codes_the_filters_take(
    client: Client, cast: Cast, world: World, frozen: date
) -> None:
    rows = client.get(f"{API}/statistics/public/tables", {"dimension": "agency"}).json()["rows"]
    row = next(row for row in rows if row["code"] == cast.agency_a.unit_code)
    assert row["id"] == cast.agency_a.pk and row["label"] == cast.agency_a.name
    filtered = client.get(
        f"{API}/statistics/public/tables", {"dimension": "agency", "co_quan": row["id"]}
    )
    assert [r["figures"] for r in filtered.json()["rows"]] == [row["figures"]]
    months = client.get(f"{API}/statistics/public/tables", {"dimension": "month"}).json()
    assert months["total"] is None and months["note"]
    assert months["rows"][0]["period_start"] == "2025-01-01"
    assert months["rows"][0]["label"] == "01/2025" and months["rows"][0]["id"] is None


@pytest.mark.parametrize("which", range(5))
def test_the_indicators_equal_the_pages_scorecard(
    client: Client, cast: Cast, world: World, frozen: date, which: int
) -> None:
    query, _start, _end = filters(cast)[which]
    card = client.get("/thong-ke/", query).context["scorecard"]
    body = client.get(f"{API}/statistics/public/indicators", query).json()
    shown = [
        (i["key"], i["max_points"], i["points"], i["numerator"], i["denominator"], i["formula"])
        for i in body["indicators"]
    ]
    assert shown == [
        (i.key, i.max_points, i.points, i.numerator, i.denominator, str(i.formula))
        for i in card.indicators
    ]
    assert [i["max_points"] for i in body["indicators"]] == [18, 20, 12, 10, 18, 22]
    assert (body["points"], body["max_scored"], body["max_points"]) == (
        card.points,
        card.max_scored,
        100,
    )
    assert Counter(i["denominator"] > 0 for i in body["indicators"])[True] >= 4
