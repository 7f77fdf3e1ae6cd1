"""`create_api_key` prints the key once and stores only its prefix and
SHA-256; the key acts as its own service account holding the key's role;
`revoke_api_key` switches it off."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from dichvucong.api.models import ApiKey
from dichvucong.dossiers.testing import Cast


def _create(*args: str) -> str:
    out = StringIO()
    call_command("create_api_key", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_the_key_is_printed_once_and_only_its_hash_is_kept(cast: Cast) -> None:
    secret = _create("--agency", "T.KM", "--role", "receptionist", "--name", "Cổng quốc gia")
    key = ApiKey.objects.get()
    assert secret.startswith(f"dvc_{key.prefix}_") and len(key.prefix) == 8
    assert key.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {key.name, key.secret_hash, key.prefix}
    assert key.user.has_role("receptionist", cast.agency_a.pk)
    assert not key.user.has_usable_password()


def test_the_key_works_until_it_is_revoked(client: Client, cast: Cast) -> None:
    secret = _create("--agency", "T.KM", "--role", "leader", "--name", "Điều hành")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/staff/dossiers", **headers).status_code == 200
    key = ApiKey.objects.get()
    assert key.last_used_at is not None
    call_command("revoke_api_key", key.prefix, stdout=StringIO())
    key.refresh_from_db()
    assert key.revoked_at is not None and not key.user.is_active
    assert client.get("/api/v1/staff/dossiers", **headers).status_code == 401


def test_an_unknown_agency_or_prefix_is_an_error(cast: Cast) -> None:
    with pytest.raises(CommandError):
        _create("--agency", "KHONG-CO", "--role", "read", "--name", "x")
    with pytest.raises(CommandError):
        call_command("revoke_api_key", "zzzzzzzz", stdout=StringIO())
