"""A dossier's back-office page costs the same queries whether it has a few
events, files and payments or many, and whatever else the ward holds."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.query_budget_tests.sizes import (
    busier,
    grow,
    logged_in,
    page_queries,
    small,
)
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

# 15 to 20 today (the specialist's page of a dossier in processing is the
# dearest): session, device, user, roles (read once: accounts/roles.py);
# the dossier with what it shows; calendar, events, files, result draft
# and result; the menu; the officer's read, noted once a day for the data
# subject (rights/reads.py). Each rule asking for the roles itself was 20
# to 27.
BUDGET = 20


@pytest.mark.parametrize(
    ("status", "who"),
    [
        (Status.SUBMITTED, "receptionist_a"),
        (Status.PROCESSING, "specialist_a"),
        (Status.RETURNED, "leader_a"),
    ],
)
def test_a_dossier_in_the_back_office_costs_the_same_queries_at_any_size(
    client, cast, status, who
) -> None:
    data = small(cast)
    dossier = make_dossier(cast, status)
    url = f"/mot-cua/ho-so/{dossier.public_id}/"
    logged_in(client, getattr(cast, who))
    few = page_queries(client, url)
    grow(data)
    busier(dossier, cast.receptionist_a)
    many = page_queries(client, url)
    print(f"{url} ({status.label}, {who}): {few} / {many}")
    assert few == many <= BUDGET
