"""A read-only key gets the agency's counts by status and nothing else:
dossiers need a key with a back-office role (403 `forbidden`)."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API, Keys, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft


def test_counts_by_status_for_the_keys_agency(client: Client, keys: Keys, cast: Cast) -> None:
    make_dossier(cast, Status.SUBMITTED)
    make_dossier(cast, Status.ACCEPTED)
    make_dossier(cast, Status.ACCEPTED)
    make_draft(cast)
    body = client.get(f"{API}/statistics/status-counts", **keys.read_a.headers).json()
    counts = {row["status"]: row["count"] for row in body["by_status"]}
    assert body["agency"] == {"unit_code": "T.KM", "name": "UBND phường Khương Mai"}
    assert body["total"] == 3
    assert counts[Status.SUBMITTED] == 1 and counts[Status.ACCEPTED] == 2
    assert Status.DRAFT not in counts


def test_another_agencys_key_counts_nothing_of_ours(client: Client, keys: Keys, cast: Cast) -> None:
    make_dossier(cast, Status.SUBMITTED)
    body = client.get(f"{API}/statistics/status-counts", **keys.receptionist_b.headers).json()
    assert body["total"] == 0


def test_a_read_key_cannot_list_read_or_act(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    assert_error(client.get(f"{API}/staff/dossiers", **keys.read_a.headers), 403, "forbidden")
    url = f"/staff/dossiers/{dossier.public_id}"
    assert_error(send(client, "GET", url, **keys.read_a.headers), 403, "forbidden")
    response = send(client, "POST", f"{url}/accept", {}, **keys.read_a.headers)
    assert_error(response, 403, "forbidden")
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
