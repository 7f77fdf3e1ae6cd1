"""A key sees and acts on its own agency's dossiers only: ward B's key
gets ward A's dossier as a 404, for reading and for every action, and
ward A's dossiers never appear in its list."""

from __future__ import annotations

import pytest
from django.test import Client

from dichvucong.api.tests.helpers import API, Keys, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier, make_draft

ACTIONS = [
    "accept",
    "request-supplement",
    "refuse",
    "assign",
    "forward",
    "approve",
    "stop",
    "return",
    "apologise",
    "specialists",
]


def test_the_list_holds_only_the_keys_agency(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    mine = client.get(f"{API}/staff/dossiers", **keys.receptionist_a.headers).json()
    theirs = client.get(f"{API}/staff/dossiers", **keys.receptionist_b.headers).json()
    assert [item["id"] for item in mine["items"]] == [str(dossier.public_id)]
    assert theirs == {"count": 0, "page": 1, "page_size": 20, "items": []}


def test_another_wards_dossier_is_404(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    response = client.get(
        f"{API}/staff/dossiers/{dossier.public_id}", **keys.receptionist_b.headers
    )
    assert_error(response, 404, "not_found")


@pytest.mark.parametrize("action", ACTIONS)
def test_another_wards_key_cannot_act(client: Client, keys: Keys, cast: Cast, action: str) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    method = "GET" if action == "specialists" else "POST"
    body = {
        "reason": "x",
        "missing": ["x"],
        "specialist": "x",
        "opinion": "x",
        "new_date": "2030-01-02",
    }
    response = send(
        client,
        method,
        f"/staff/dossiers/{dossier.public_id}/{action}",
        None if method == "GET" else _fields_for(action, body),
        **keys.receptionist_b.headers,
    )
    assert_error(response, 404, "not_found")
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED and dossier.event_count == 1


def _fields_for(action: str, body: dict[str, object]) -> dict[str, object]:
    wanted = {
        "request-supplement": ["missing"],
        "refuse": ["reason"],
        "stop": ["reason"],
        "assign": ["specialist"],
        "forward": ["opinion"],
        "apologise": ["new_date", "reason"],
    }.get(action, [])
    return {name: body[name] for name in wanted}


def test_drafts_are_never_listed(client: Client, keys: Keys, cast: Cast) -> None:
    draft = make_draft(cast)
    response = client.get(f"{API}/staff/dossiers/{draft.public_id}", **keys.receptionist_a.headers)
    assert_error(response, 404, "not_found")
