"""Every figure of the public page, for several periods and filters,
equals a count made row by row in Python over the same database."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.reports.tests.expected import count, share
from dichvucong.reports.tests.expected import local as local_date

BY_TABLE = {
    "co-quan": "agency",
    "dia-ban": "ward",
    "linh-vuc": "field",
    "thu-tuc": "procedure",
    "thang": "month",
    "nam": "year",
}


def expected_row(counts: Counter) -> list:
    c = counts
    return [
        c["received"],
        c["resolved"],
        c["early"],
        c["on_time"],
        c["late"],
        share(c["early"] + c["on_time"], c["early"] + c["on_time"] + c["late"]),
        c["not_due"],
        c["overdue"],
        c["paused"],
        share(c["received"], c["received"]),
        share(c["level4"], c["received"]),
        share(c["paid_online"], c["paid"]),
        share(c["satisfied"], c["ratings"]),
    ]


def assert_page_matches(response, start: date, end: date, today: date, keep=lambda d: True):
    assert response.status_code == 200
    tables = {table.slug: table for table in response.context["tables"]}
    for slug, by in BY_TABLE.items():
        expected = count(by, start, end, today, keep)
        shown = {row[0]: row[1:] for row in tables[slug].rows}
        assert shown == {key[0]: expected_row(c) for key, c in expected.items()}, slug
    total = count("total", start, end, today, keep).get((), Counter())
    totals = response.context["totals"]
    assert [
        totals.received,
        totals.resolved,
        totals.early,
        totals.on_time,
        totals.late,
        totals.on_time_share,
        totals.not_due,
        totals.overdue,
        totals.paused,
        totals.online_share,
        totals.level4_share,
        totals.online_payment_share,
        totals.satisfaction_share,
    ] == expected_row(total)
    # The key figures are on the page as text, written the Vietnamese way.
    html = response.content.decode()
    assert f'<span class="kpi-value">{total["received"]:,}</span>'.replace(",", ".") in html
    return total


def test_the_generated_data_covers_every_case(world, frozen):
    """So that the comparisons below cannot pass on empty columns."""
    dossiers = list(Dossier.objects.all())
    statuses = {d.status for d in dossiers}
    assert set(Status) <= statuses
    assert any(d.is_practice for d in dossiers)
    total = count("total", date(2024, 1, 1), frozen, frozen)[()]
    for name in (
        "received",
        "resolved",
        "early",
        "on_time",
        "late",
        "not_due",
        "overdue",
        "paused",
        "level4",
        "paid",
        "paid_online",
        "digitised",
        "ratings",
    ):
        assert total[name] > 0, name
    assert total["paid_online"] < total["paid"]
    assert total["satisfied"] < total["ratings"]
    # Results after midnight the day after the due date: late by the local date only.
    assert any(
        local_date(d.resolved_at) == d.due_date.fromordinal(d.due_date.toordinal() + 1)
        and d.resolved_at.hour == 17
        for d in dossiers
        if d.resolved_at
    )


def test_this_year_by_default(client, world, frozen):
    response = client.get("/thong-ke/")
    total = assert_page_matches(response, date(2025, 1, 1), date(2025, 12, 31), frozen)
    assert total["received"] < count("total", date(2024, 1, 1), frozen, frozen)[()]["received"]


def test_one_month(client, world, frozen):
    response = client.get("/thong-ke/", {"nam": "2025", "thang": "3"})
    assert_page_matches(response, date(2025, 3, 1), date(2025, 3, 31), frozen)


def test_a_date_range_across_the_new_year(client, world, frozen):
    response = client.get("/thong-ke/", {"tu_ngay": "15/12/2024", "den_ngay": "10/02/2025"})
    assert_page_matches(response, date(2024, 12, 15), date(2025, 2, 10), frozen)
    assert "15/12/2024 – 10/02/2025" in response.content.decode()


@pytest.mark.parametrize("which", ["agency_a", "agency_b"])
def test_one_agency(client, cast, world, frozen, which):
    agency = getattr(cast, which)
    response = client.get("/thong-ke/", {"co_quan": agency.pk})
    assert_page_matches(
        response,
        date(2025, 1, 1),
        date(2025, 12, 31),
        frozen,
        keep=lambda d: d.agency_id == agency.pk,
    )


def test_one_ward(client, cast, world, frozen):
    response = client.get("/thong-ke/", {"dia_ban": cast.ward_b.pk, "nam": "2024"})
    assert_page_matches(
        response,
        date(2024, 1, 1),
        date(2024, 12, 31),
        frozen,
        keep=lambda d: d.agency.admin_unit_id == cast.ward_b.pk,
    )
