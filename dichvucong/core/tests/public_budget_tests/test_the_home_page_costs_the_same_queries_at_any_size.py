"""The home page lists the featured procedures and the fields with their
counts in the same few queries however many procedures, agencies and
dossiers there are."""

from __future__ import annotations

from dichvucong.core.tests.public_budget_tests.sizes import grow, queries, small

BUDGET = 2  # the featured procedures, the fields with their counts


def test_the_home_page_costs_the_same_queries_at_any_size(client, cast) -> None:
    data = small(cast)
    few, _response = queries(client, "/")
    grow(data)
    many, response = queries(client, "/")
    print(f"/: {few} / {many}")
    assert "Lĩnh vực 4" in response.content.decode()
    assert few == many <= BUDGET
