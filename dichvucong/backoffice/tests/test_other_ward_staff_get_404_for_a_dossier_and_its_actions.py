"""Ward B's staff see nothing of ward A: not even whether a dossier exists."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.actions import ACTIONS
from dichvucong.backoffice.tests.helpers import detail_url, post_action, snapshot
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

B_STAFF = ["receptionist_b", "specialist_b", "leader_b"]


@pytest.mark.parametrize("who", B_STAFF)
def test_ward_b_staff_get_404_for_a_ward_a_dossier_page(client, cast, who: str) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    login_verified(client, getattr(cast, who))
    assert client.get(detail_url(dossier)).status_code == 404


@pytest.mark.parametrize("action", list(ACTIONS))
def test_ward_b_staff_get_404_for_every_action_and_nothing_changes(
    client, cast, action: str
) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    before = snapshot(dossier)
    for who in B_STAFF:
        login_verified(client, getattr(cast, who))
        response = post_action(client, dossier, action, {"reason": "x", "opinion": "x"})
        assert response.status_code == 404
    assert snapshot(dossier) == before


def test_ward_b_queues_do_not_list_ward_a_dossiers(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_b)
    response = client.get("/mot-cua/?queue=new")
    assert dossier.code not in response.content.decode()
    assert response.context["listing"].page.paginator.count == 0
