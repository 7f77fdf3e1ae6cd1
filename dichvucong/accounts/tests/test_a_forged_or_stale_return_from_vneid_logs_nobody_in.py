"""The return from the national e-ID provider is believed only when it is
the answer to this browser's own request and the ID token is fresh and
signed by the provider's key: a wrong state, an expired ID token, a
replayed authorization code or a token signed by another key logs nobody
in and makes no account."""

from __future__ import annotations

from typing import Any

import requests
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from dichvucong.accounts.models import NationalEidLink, User
from dichvucong.accounts.tests.vneid_steps import (
    CALLBACK,
    CLIENT_ID,
    CLIENT_SECRET,
    NEW,
    choose,
    log_in,
    query,
    return_path,
    to_provider,
)
from dichvucong.accounts.vneid.standin import StandIn


def refused(client: Client, response: Any) -> bool:
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    return (
        response.status_code == 302
        and response["Location"] == reverse("accounts:login")
        and SESSION_KEY not in client.session
        and any("không thành công" in text for text in texts)
        and not User.objects.filter(username=NEW.claims["id_number"]).exists()
    )


def test_a_wrong_state_is_refused_before_the_code_is_used(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    back = query(choose(provider, to_provider(client), NEW))

    response = client.get(CALLBACK, {"code": back["code"], "state": "not-the-state-we-sent"})

    assert refused(client, response)
    assert provider.redeemed == []


def test_a_return_in_another_browser_is_refused(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    back = choose(provider, to_provider(client), NEW)

    response = Client().get(return_path(back))

    assert refused(Client(), response)
    assert provider.redeemed == []


def test_an_expired_id_token_is_refused(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    provider.expired_id_tokens = True

    assert refused(client, log_in(client, provider, NEW))


def test_an_id_token_signed_by_another_key_is_refused(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    provider.rogue_signature = True

    assert refused(client, log_in(client, provider, NEW))


def test_a_replayed_return_is_refused(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    back = choose(provider, to_provider(client), NEW)
    assert client.get(return_path(back)).status_code == 302
    User.objects.all().delete()  # so that `refused` can see no account is made again
    client.logout()

    assert refused(client, client.get(return_path(back)))
    assert len(provider.redeemed) == 1


def test_a_used_code_under_a_fresh_state_is_refused_by_the_provider(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    used = query(choose(provider, to_provider(client), NEW))
    assert client.get(CALLBACK, used).status_code == 302
    User.objects.all().delete()
    client.logout()

    fresh = to_provider(client)  # a new state (and PKCE verifier) in the session
    response = client.get(CALLBACK, {"code": used["code"], "state": fresh["state"]})

    assert refused(client, response)
    assert "code already used" in provider.refused


def test_the_provider_refuses_a_code_without_its_pkce_verifier(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    params = to_provider(client)
    assert params["code_challenge_method"] == "S256"
    back = query(choose(provider, params, NEW))

    answer = requests.post(
        f"{provider.issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": back["code"],
            "redirect_uri": params["redirect_uri"],
            "code_verifier": "a-verifier-that-is-not-the-one-behind-the-challenge-x",
        },
        auth=(CLIENT_ID, CLIENT_SECRET),
    )

    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"
    assert not NationalEidLink.objects.exists()


def test_a_person_who_declines_at_the_provider_is_sent_back_to_log_in(
    client: Client,
    provider: StandIn,
    units: Any,
) -> None:
    params = to_provider(client)
    answer = requests.post(
        f"{provider.issuer}/authorize",
        data={**params, "person": NEW.key, "decision": "deny"},
        allow_redirects=False,
    )
    assert query(answer.headers["Location"])["error"] == "access_denied"

    assert refused(client, client.get(return_path(answer.headers["Location"])))
