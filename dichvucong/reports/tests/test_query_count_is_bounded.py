"""The database counts; Python does not loop over dossiers. The number of
queries does not grow with the number of dossiers."""

from __future__ import annotations

from django.db import connection

from dichvucong.accounts.testing import login_verified
from dichvucong.reports.testing import generate

PUBLIC_PAGE_QUERY_LIMIT = 15


def queries(client, url: str, params: dict | None = None) -> int:
    """Counted as they run: Django empties its query log when a request
    starts, so the log would miss them."""
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        assert client.get(url, params or {}).status_code == 200
    return len(executed)


def test_the_public_page_costs_the_same_queries_for_120_or_360_dossiers(client, world, frozen):
    before = queries(client, "/thong-ke/")
    generate(world, 240, today=frozen, seed=1)
    assert queries(client, "/thong-ke/") == before <= PUBLIC_PAGE_QUERY_LIMIT


def test_the_dashboard_and_open_data_are_bounded_too(client, cast, world, frozen):
    login_verified(client, cast.leader_b)
    dashboard = queries(client, "/thong-ke/noi-bo/")
    opendata = queries(client, "/du-lieu-mo/thong-ke.json")
    generate(world, 240, today=frozen, seed=2)
    assert queries(client, "/thong-ke/noi-bo/") == dashboard <= PUBLIC_PAGE_QUERY_LIMIT + 15
    assert queries(client, "/du-lieu-mo/thong-ke.json") == opendata <= 8
