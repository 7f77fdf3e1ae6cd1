"""The open data files (CSV and JSON) cost the same queries however many
dossiers, agencies, procedures and ratings there are."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.public_budget_tests.sizes import grow, queries, small

# the figures in grouped queries, the filters' agencies, and whether any
# agency has ended (which view a reorganisation calls for: reports/unitmap.py)
BUDGET = 5


@pytest.mark.parametrize("url", ["/du-lieu-mo/thong-ke.csv", "/du-lieu-mo/thong-ke.json"])
def test_the_open_data_costs_the_same_queries_at_any_size(client, cast, url) -> None:
    data = small(cast)
    few, _response = queries(client, url)
    grow(data)
    many, response = queries(client, url)
    print(f"{url}: {few} / {many}")
    assert "Thêm 3" in response.content.decode()
    assert few == many <= BUDGET
