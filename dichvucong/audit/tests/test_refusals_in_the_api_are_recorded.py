"""Every 401 and 403 of the API is recorded with the address and, where
the caller is known (a valid key refused), the key's account; a key asking
for another agency's dossier (a 404) too. Nothing of the key is kept."""

from __future__ import annotations

from dichvucong.api.tests.helpers import API
from dichvucong.audit.constants import Action
from dichvucong.audit.tests.helpers import ADDRESS, FROM_ADDRESS, everything_kept, only
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

BAD_KEY = "dvc_abcdefgh_0123456789secret"


def test_a_call_with_a_bad_key(client, keys):
    response = client.get(
        f"{API}/staff/dossiers?code=X", HTTP_AUTHORIZATION=f"Bearer {BAD_KEY}", **FROM_ADDRESS
    )
    assert response.status_code == 401
    entry = only(Action.ACCESS_DENIED)
    assert (entry.actor, entry.address, entry.path) == (None, ADDRESS, f"{API}/staff/dossiers")
    assert entry.detail == {"status": 401, "method": "GET"}
    assert "0123456789secret" not in everything_kept()


def test_a_read_only_key_on_the_dossiers(client, keys):
    response = client.get(f"{API}/staff/dossiers", **keys.read_a.headers, **FROM_ADDRESS)
    assert response.status_code == 403
    entry = only(Action.ACCESS_DENIED)
    assert entry.actor == keys.read_a.user and entry.address == ADDRESS
    assert keys.read_a.secret not in everything_kept()


def test_a_key_asking_for_another_agencys_dossier(client, cast, keys):
    dossier = make_dossier(cast, Status.SUBMITTED)
    url = f"{API}/staff/dossiers/{dossier.public_id}"
    assert client.get(url, **keys.receptionist_b.headers, **FROM_ADDRESS).status_code == 404
    entry = only(Action.ACCESS_DENIED)
    assert (entry.actor, entry.path) == (keys.receptionist_b.user, url)
    assert entry.detail == {"status": 404, "method": "GET"}
