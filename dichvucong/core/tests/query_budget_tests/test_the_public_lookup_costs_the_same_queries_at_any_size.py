"""Looking a dossier up by its code and phone costs the same one query for
the dossier whatever the number of dossiers, events and files."""

from __future__ import annotations

from dichvucong.core.tests.query_budget_tests.sizes import busier, grow, queries, small
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

URL = "/tra-cuu/"
# The dossier with its procedure; nothing else (no session for a stranger).
BUDGET = 2


def _lookup(client, dossier, factor: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    count, response = queries(client, "post", URL, {"code": dossier.code, "factor": factor})
    assert response.status_code == 200
    return count, response.content.decode()


def test_the_public_lookup_costs_the_same_queries_at_any_size(client, cast) -> None:
    data = small(cast)
    dossier = make_dossier(cast, Status.PROCESSING)
    phone = cast.applicant.citizen.phone
    few, _page = _lookup(client, dossier, phone)
    few_wrong, _page = _lookup(client, dossier, "0900000000")
    grow(data)
    busier(dossier, cast.receptionist_a)
    many, page = _lookup(client, dossier, phone)
    many_wrong, _page = _lookup(client, dossier, "0900000000")
    print(f"{URL}: {few}/{few_wrong} / {many}/{many_wrong}")
    assert dossier.code in page
    assert few == many <= BUDGET and few_wrong == many_wrong <= BUDGET
