"""A script logs an applicant in without scraping the web form: the
password (ID number as on the web) gets a 15-minute bearer token, which
the applicant endpoints accept without a CSRF token. Failures count
with the web log-in's, so the same lockout applies to both. Staff get no
token by password alone. Expired and revoked tokens say so. Log-in and
revocation are in the audit trail, as the web's log-in and log-out."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import Client

from dichvucong.accounts.tests.login_steps import fail
from dichvucong.api.models import ApplicantToken
from dichvucong.api.tests.helpers import API, assert_error, send
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast

PASSWORD = "matkhau-demo-1"
SCRIPT = "203.0.113.7"


def _token(client: Client, username: str, password: str = PASSWORD, **extra: str):  # type: ignore[no-untyped-def]
    body = {"username": username, "password": password}
    return send(client, "POST", "/auth/token", body, REMOTE_ADDR=SCRIPT, **extra)


def _bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_token_opens_the_applicant_endpoints(client: Client, cast: Cast) -> None:
    # The ID number typed in groups of digits, as the web accepts it.
    response = _token(client, "0010 9001 2345")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 900
    raw = body["access_token"]
    assert raw not in str(list(ApplicantToken.objects.values()))
    assert send(client, "GET", "/applicant/dossiers", **_bearer(raw)).status_code == 200
    created = send(client, "POST", "/applicant/dossiers", {"procedure": "1.001193"}, **_bearer(raw))
    assert created.status_code == 201, created.content
    assert Dossier.objects.get().applicant == cast.applicant
    # Never in the address.
    assert_error(
        client.get(f"{API}/applicant/dossiers", {"access_token": raw}), 401, "unauthorized"
    )


def test_a_wrong_password_is_401_and_counts_with_the_web(client: Client, cast: Cast) -> None:
    assert_error(_token(client, "001090012345", "sai"), 401, "invalid_login")
    fail(client, "001090012345", SCRIPT, 9)  # the web page, from the same address
    refused = _token(client, "001090012345")
    assert_error(refused, 429, "too_many_requests")
    assert int(refused["Retry-After"]) > 0
    assert not ApplicantToken.objects.exists()


def test_staff_need_their_second_factor(client: Client, cast: Cast) -> None:
    assert_error(_token(client, "tiepnhan.a"), 403, "second_factor_required")
    assert not ApplicantToken.objects.exists()


def test_an_expired_token_says_so(client: Client, cast: Cast) -> None:
    raw = _token(client, "001090012345").json()["access_token"]
    with time_machine.travel(timedelta(minutes=15, seconds=1)):
        response = client.get(f"{API}/applicant/dossiers", **_bearer(raw))
    assert_error(response, 401, "token_expired")


def test_a_revoked_token_works_no_more(client: Client, cast: Cast) -> None:
    raw = _token(client, "001090012345").json()["access_token"]
    assert send(client, "POST", "/auth/revoke", **_bearer(raw)).status_code == 204
    # Logged in and out in the audit trail, as on the web.
    trail = AuditEntry.objects.filter(actor=cast.applicant).values_list("action", flat=True)
    assert set(trail) == {Action.LOGIN, Action.LOGOUT}
    assert_error(client.get(f"{API}/applicant/dossiers", **_bearer(raw)), 401, "token_revoked")
    assert_error(send(client, "POST", "/auth/revoke", **_bearer(raw)), 401, "token_revoked")
    assert_error(client.get(f"{API}/applicant/dossiers", **_bearer(raw + "x")), 401, "unauthorized")
