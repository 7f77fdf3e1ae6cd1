"""The public statistics page costs the same queries however many dossiers,
agencies, procedures and ratings there are, for the year, another period
and one agency."""

from __future__ import annotations

import pytest
from django.utils import timezone

from dichvucong.core.tests.public_budget_tests.sizes import grow, queries, small

URL = "/thong-ke/"
# The figures in grouped queries, the filters' agencies and units, the
# procedures counted for transparency; one agency adds its own lookups.
BUDGET = {"this year": 11, "two years": 11, "one agency": 14}


def _query(cast, asked: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    if asked == "two years":
        return {"tu_ngay": f"{today.year - 1}-01-01", "den_ngay": today.isoformat()}
    if asked == "one agency":
        return {"co_quan": str(cast.agency_a.pk)}
    return {}


@pytest.mark.parametrize("asked", BUDGET)
def test_the_statistics_page_costs_the_same_queries_at_any_size(client, cast, asked) -> None:
    data = small(cast)
    query = _query(cast, asked)
    few, _response = queries(client, URL, query)
    grow(data)
    many, response = queries(client, URL, query)
    print(f"{URL}?{query}: {few} / {many}")
    assert response.context["totals"].received > 0
    assert few == many <= BUDGET[asked]
