"""An action through the API goes through the same lifecycle operation as
the back-office page: the same status change, the same event fields, the
hash chain intact; the actor is the key's own service account."""

from __future__ import annotations

import time_machine
from django.test import Client

from dichvucong.accounts.testing import login_verified
from dichvucong.api.tests.helpers import Keys, at, send
from dichvucong.dossiers import events
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.dossiers.testing import Cast, make_dossier


def _last_event(dossier: Dossier) -> Event:
    return dossier.events.order_by("-seq").first()  # type: ignore[return-value]


def _shape(event: Event) -> tuple[object, ...]:
    return (event.kind, event.from_status, event.to_status, event.reason, event.data)


def test_accept_by_key_and_by_web_make_the_same_event(
    client: Client, keys: Keys, cast: Cast
) -> None:
    with time_machine.travel(at(2026, 12, 1), tick=False):
        by_web, by_api = make_dossier(cast), make_dossier(cast)
        login_verified(client, cast.receptionist_a)
        client.post(f"/mot-cua/ho-so/{by_web.public_id}/accept/")
        send(
            Client(),
            "POST",
            f"/staff/dossiers/{by_api.public_id}/accept",
            {},
            **keys.receptionist_a.headers,
        )
    web_event, api_event = _last_event(by_web), _last_event(by_api)
    assert _shape(api_event) == _shape(web_event)
    assert web_event.actor == cast.receptionist_a
    assert api_event.actor == keys.receptionist_a.user
    assert api_event.actor_name == "API: Một cửa A"
    by_api.refresh_from_db()
    assert events.verify(by_api) == []


def test_refusal_by_key_keeps_its_reason_like_the_web(
    client: Client, keys: Keys, cast: Cast
) -> None:
    by_web, by_api = make_dossier(cast), make_dossier(cast)
    login_verified(client, cast.receptionist_a)
    client.post(f"/mot-cua/ho-so/{by_web.public_id}/refuse/", {"reason": "Sai thẩm quyền"})
    send(
        Client(),
        "POST",
        f"/staff/dossiers/{by_api.public_id}/refuse",
        {"reason": "Sai thẩm quyền"},
        **keys.receptionist_a.headers,
    )
    by_web.refresh_from_db()
    by_api.refresh_from_db()
    assert by_web.status == by_api.status == Status.REFUSED
    assert _shape(_last_event(by_api)) == _shape(_last_event(by_web))


def test_the_staff_view_shows_the_event_log_with_the_keys_account(
    client: Client, keys: Keys, cast: Cast
) -> None:
    dossier = make_dossier(cast)
    headers = keys.receptionist_a.headers
    send(client, "POST", f"/staff/dossiers/{dossier.public_id}/accept", {}, **headers)
    body = send(client, "GET", f"/staff/dossiers/{dossier.public_id}", **headers).json()
    assert [(e["seq"], e["to_status"]) for e in body["events"]] == [(1, 1), (2, 2)]
    assert body["events"][1]["actor"] == keys.receptionist_a.user.username
