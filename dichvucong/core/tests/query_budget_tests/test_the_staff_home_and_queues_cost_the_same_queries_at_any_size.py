"""The staff's start page (the one-stop queues, where a login lands them)
and every queue with its filters cost the same queries for a ward with a
few dossiers as for one with many, whatever the other ward holds."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.query_budget_tests.sizes import grow, logged_in, page_queries, small

URL = "/mot-cua/"
# 12 to 13 today: session, device, user, the roles (read once for the
# door, the lists and the menu: accounts/roles.py), agencies, calendar,
# the procedures of the filter, every tab's count (one query), rows, the
# main menu's areas and outreach. Each rule asking for the roles itself
# was 16 to 18.
BUDGET = 13

FILTERS = [
    {},
    {"queue": "new"},
    {"queue": "processing", "mine": "1"},
    {"queue": "processing", "q": "nguyen khai sinh"},
    {"queue": "processing", "procedure": "PROCEDURE"},
    {"queue": "overdue"},
    {"queue": "done", "page": "2"},
    {"queue": "closed", "q": "T.KM"},
]


def _params(filters: dict[str, str], cast) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {k: str(cast.procedure.pk) if v == "PROCEDURE" else v for k, v in filters.items()}


@pytest.mark.parametrize("who", ["receptionist_a", "specialist_a", "leader_a"])
def test_the_staff_home_and_queues_cost_the_same_queries_at_any_size(client, cast, who) -> None:
    data = small(cast)
    logged_in(client, getattr(cast, who))
    few = [page_queries(client, URL, _params(f, cast)) for f in FILTERS]
    grow(data)
    many = [page_queries(client, URL, _params(f, cast)) for f in FILTERS]
    print(f"{URL} {who}: {few} / {many}")
    assert few == many
    assert max(many) <= BUDGET
