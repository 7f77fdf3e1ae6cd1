"""A dossier's own page costs the same queries whether the dossier has a
few events, files and receipts or many, and whatever else its applicant
and the other wards hold."""

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

# Nine today (session, user; the dossier; its events, files, receipts,
# result and rating; the agency's parent, who received it), one to spare.
BUDGET = 10


@pytest.mark.parametrize("status", [Status.SUPPLEMENT, Status.RETURNED])
def test_a_citizens_dossier_page_costs_the_same_queries_at_any_size(client, cast, status) -> None:
    data = small(cast)
    dossier = make_dossier(cast, status)
    url = f"/ho-so/{dossier.public_id}/"
    logged_in(client, cast.applicant)
    few = page_queries(client, url)
    grow(data)
    busier(dossier, cast.receptionist_a)
    many = page_queries(client, url)
    print(f"{url} ({status.label}): {few} / {many}")
    assert few == many <= BUDGET
