"""A procedure's page costs the same queries whether the catalogue holds a
few procedures or many, and however many dossiers were filed under it."""

from __future__ import annotations

from dichvucong.core.tests.public_budget_tests.sizes import grow, queries, small

BUDGET = 2  # the procedure with its field and agency, its documents


def test_a_procedure_page_costs_the_same_queries_at_any_size(client, cast) -> None:
    data = small(cast)
    url = f"/thu-tuc/{cast.procedure.code}/"
    few, _response = queries(client, url)
    grow(data)
    many, response = queries(client, url)
    print(f"{url}: {few} / {many}")
    assert cast.procedure.name in response.content.decode()
    assert few == many <= BUDGET
