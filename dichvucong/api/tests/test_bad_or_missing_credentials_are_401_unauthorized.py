"""No credentials, a made-up key or a wrong secret answer 401
`unauthorized`, a revoked key 401 `key_revoked`, and none changes anything."""

from __future__ import annotations

from django.test import Client

from dichvucong.accounts.testing import login_verified
from dichvucong.api import keys as api_keys
from dichvucong.api.tests.helpers import API, Keys, assert_error, send
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier


def test_staff_endpoints_need_a_key(client: Client, keys: Keys) -> None:
    response = client.get(f"{API}/staff/dossiers")
    assert_error(response, 401, "unauthorized")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_logged_in_officer_without_a_key_is_401(client: Client, cast: Cast) -> None:
    # The web session is for applicants; the back office's API is keys only.
    login_verified(client, cast.receptionist_a)
    assert_error(client.get(f"{API}/staff/dossiers"), 401, "unauthorized")


def test_made_up_and_tampered_keys_are_401(client: Client, keys: Keys) -> None:
    tampered = keys.receptionist_a.secret[:-2] + "xx"
    for raw in ("abc", "dvc_abcdefgh_secret", tampered, keys.receptionist_a.key.prefix):
        response = client.get(f"{API}/staff/dossiers", HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert_error(response, 401, "unauthorized")


def test_the_x_api_key_header_works_too(client: Client, keys: Keys) -> None:
    response = client.get(f"{API}/staff/dossiers", HTTP_X_API_KEY=keys.receptionist_a.secret)
    assert response.status_code == 200


def test_a_revoked_key_is_401_and_acts_no_more(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    api_keys.revoke(keys.receptionist_a.key.prefix)
    response = send(
        client,
        "POST",
        f"/staff/dossiers/{dossier.public_id}/accept",
        {},
        **keys.receptionist_a.headers,
    )
    assert_error(response, 401, "key_revoked")
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_applicant_endpoints_need_a_login(client: Client, db: None) -> None:
    assert_error(client.get(f"{API}/applicant/dossiers"), 401, "unauthorized")
    response = send(client, "POST", "/applicant/dossiers", {"procedure": "1.001193"})
    assert_error(response, 401, "unauthorized")
