"""The year-end report's page and its XLSX cost the same queries for a
campaign of two schools with a few pupils as for one with several times
more schools, classes, pupils, sessions, practice and helped dossiers,
for each kind of reader."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from dichvucong.core.tests.query_budget_tests.campaign_year import (
    IN_THE_SCHOOL_YEAR,
    casts,
    grow,
)
from dichvucong.core.tests.query_budget_tests.sizes import logged_in, page_queries
from dichvucong.dossiers.signals import status_changed
from dichvucong.outreach.report import build_report

# 23 to 27 for the page, fewer for the XLSX today (33 before the roles
# were read once: accounts/roles.py): session, device, user, the roles,
# outreach scope, the campaign, the report row, the pupils per class,
# the helped dossiers (one query: every figure and the kept ids are summed
# from its rows), classes, schools, commendations, names, the
# doubtful-pattern flags; the menu. On the page, its dossiers by ward of
# the time or of today (outreach/report_wards.py: one grouped count over
# the report's ids, the map); the XLSX carries the same table.
BUDGET = 27


@pytest.fixture(autouse=True)
def no_result_documents() -> Iterator[None]:
    """The report never reads result PDFs, each about a second to render."""
    from dichvucong.results import service

    status_changed.disconnect(dispatch_uid="results.issue")
    yield
    status_changed.connect(service.on_status_changed, dispatch_uid="results.issue")


@pytest.fixture(autouse=True)
def in_the_school_year() -> Iterator[None]:
    with time_machine.travel(IN_THE_SCHOOL_YEAR, tick=True):
        yield


@pytest.mark.parametrize("who", ["education", "leadership", "coordinator_a"])
def test_the_year_end_report_and_its_xlsx_cost_the_same_queries_at_any_size(
    client, db, who
) -> None:
    year = grow(casts())
    campaign = year.oc.campaign
    urls = [
        f"/bao-cao-tuyen-truyen/chien-dich/{campaign.pk}/",
        f"/bao-cao-tuyen-truyen/chien-dich/{campaign.pk}/bao-cao.xlsx",
    ]
    logged_in(client, getattr(year.oc, who))
    few = [page_queries(client, url) for url in urls]
    counted = build_report(campaign).totals
    grow(year, times=3)
    many = [page_queries(client, url) for url in urls]
    more = build_report(campaign).totals
    assert 0 < counted.dossiers < more.dossiers and counted.pending < more.pending
    print(f"report {who}: {few} / {many}")
    assert few == many
    assert max(many) <= BUDGET
