"""The catalogue's first page, a search and a filtered page cost the same
queries however many procedures, fields, agencies and dossiers there are."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.public_budget_tests.sizes import grow, queries, small

URL = "/thu-tuc/"
BUDGET = 4  # the page's procedures, their count, the fields and agencies of the filters
ASKED = [{}, {"q": "khai sinh"}, {"online_level": "4"}, {"q": "khai", "page": "2"}]


@pytest.mark.parametrize("query", ASKED, ids=["first page", "search", "level 4", "page 2"])
def test_the_catalogue_and_its_search_cost_the_same_queries_at_any_size(
    client, cast, query
) -> None:
    data = small(cast)
    few, _response = queries(client, URL, query)
    grow(data, times=5)
    many, _response = queries(client, URL, query)
    print(f"{URL}?{query}: {few} / {many}")
    assert few == many <= BUDGET
