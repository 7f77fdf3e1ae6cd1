"""An action changes a dossier, so it is a POST; a GET (a crawled or
bookmarked link) gets 405 and changes nothing."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.actions import ACTIONS
from dichvucong.backoffice.tests.helpers import action_url, snapshot
from dichvucong.dossiers.testing import make_dossier


@pytest.mark.parametrize("action", list(ACTIONS))
def test_get_on_an_action_is_405(client, cast, action: str) -> None:
    dossier = make_dossier(cast)
    before = snapshot(dossier)
    login_verified(client, cast.receptionist_a)
    response = client.get(action_url(dossier, action))
    assert response.status_code == 405
    assert snapshot(dossier) == before


def test_an_unknown_action_is_404(client, cast) -> None:
    dossier = make_dossier(cast)
    login_verified(client, cast.receptionist_a)
    assert client.post(action_url(dossier, "delete")).status_code == 404
