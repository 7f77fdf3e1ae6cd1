"""An administrator makes an API key in the admin for an agency and a role,
with an expiry date no further than a year off; the key is shown once on
the page after saving and only its hash is stored; a selected key can be
revoked. An expired or revoked key is a 401 that says which."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.api.models import ApiKey
from dichvucong.api.tests.helpers import API, assert_error, make_key
from dichvucong.dossiers.testing import Cast

ADD = "admin:api_apikey_add"


def _admin(client: Client) -> None:
    admin = User.objects.create_superuser(username="quantri", password="x", kind="staff")
    login_verified(client, admin)


def _form(cast: Cast, expires: str) -> dict[str, str]:
    return {
        "name": "Cổng dịch vụ công quốc gia",
        "agency": str(cast.agency_a.pk),
        "role": "receptionist",
        "expires_at_0": expires,
        "expires_at_1": "17:00:00",
        "expires_at": f"{expires} 17:00:00",
    }


def test_the_key_is_shown_once_and_works(client: Client, cast: Cast) -> None:
    _admin(client)
    assert client.get(reverse(ADD)).status_code == 200
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(reverse(ADD), _form(cast, expires))
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    key = ApiKey.objects.get()
    page = response.content.decode()
    start = page.index(f"dvc_{key.prefix}_")
    raw = page[start : page.index("<", start)]
    assert raw not in str(ApiKey.objects.values().get()) and key.secret_hash not in page
    assert key.expires_at.date().isoformat() == expires
    assert key.user.has_role("receptionist", cast.agency_a.pk)
    assert (
        client.get(f"{API}/staff/dossiers", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    )
    # Shown once: the key's own page has the prefix, never the key.
    detail = client.get(reverse("admin:api_apikey_change", args=[key.pk])).content.decode()
    assert key.prefix in detail and raw not in detail


def test_an_expiry_past_a_year_or_in_the_past_is_refused(client: Client, cast: Cast) -> None:
    _admin(client)
    far = (timezone.localdate() + timedelta(days=400)).isoformat()
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    for expires in (far, past):
        response = client.post(reverse(ADD), _form(cast, expires))
        assert response.status_code == 200 and "errornote" in response.content.decode()
    assert not ApiKey.objects.exists()


def test_the_administrator_revokes_a_key(client: Client, cast: Cast) -> None:
    key = make_key(cast.agency_a, "receptionist")
    _admin(client)
    response = client.post(
        reverse("admin:api_apikey_changelist"),
        {"action": "revoke_keys", "_selected_action": [str(key.key.pk)]},
    )
    assert response.status_code == 302
    assert_error(client.get(f"{API}/staff/dossiers", **key.headers), 401, "key_revoked")


def test_an_expired_key_says_so(client: Client, cast: Cast) -> None:
    key = make_key(cast.agency_a, "receptionist")
    assert client.get(f"{API}/staff/dossiers", **key.headers).status_code == 200
    with time_machine.travel(key.key.expires_at + timedelta(seconds=1)):
        body = assert_error(client.get(f"{API}/staff/dossiers", **key.headers), 401, "key_expired")
    assert "hết hạn" in body["message"]
