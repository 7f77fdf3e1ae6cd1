"""The public API (catalogue search, one procedure, a statistics table,
the 766 indicators) costs the same queries however many procedures,
agencies, dossiers and ratings there are."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.public_budget_tests.sizes import grow, queries, small

API = "/api/v1"
ASKED = [
    (f"{API}/catalogue/procedures", {}, 2),
    (f"{API}/catalogue/procedures", {"q": "khai sinh", "online_level": "4"}, 2),
    # +1: the procedure's handling on today's date (catalogue.ProcedureHandling)
    (f"{API}/catalogue/procedures/1.001193", {}, 3),
    # +1 each: whether any agency has ended, for the view (reports/unitmap.py)
    (f"{API}/statistics/public/tables", {"dimension": "agency"}, 5),
    (f"{API}/statistics/public/tables", {"dimension": "procedure"}, 5),
    (f"{API}/statistics/public/indicators", {}, 6),
]


@pytest.mark.parametrize(("url", "query", "budget"), ASKED)
def test_the_public_api_costs_the_same_queries_at_any_size(
    client, cast, url, query, budget
) -> None:
    data = small(cast)
    few, _response = queries(client, url, query)
    grow(data)
    many, _response = queries(client, url, query)
    print(f"{url}?{query}: {few} / {many}")
    assert few == many <= budget
