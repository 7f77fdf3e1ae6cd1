"""API keys: wrong keys are limited per client address, requests per key;
past either the API answers its own error shape with 429 and Retry-After."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import Keys, assert_error, send
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry

GUESSER, INTEGRATION = "203.0.113.20", "198.51.100.30"


def test_wrong_keys_from_one_address_end_in_429(client: Client, keys: Keys, settings) -> None:
    settings.API_BAD_KEYS_PER_ADDRESS = 3
    wrong = {"HTTP_AUTHORIZATION": "Bearer dvc_abcdefgh_not-the-secret"}
    for _ in range(3):
        assert_error(send(client, "GET", "/staff/dossiers", REMOTE_ADDR=GUESSER, **wrong),
                     401, "unauthorized")
    # Even a right key is refused from that address now ...
    refused = send(client, "GET", "/staff/dossiers", REMOTE_ADDR=GUESSER,
                   **keys.receptionist_a.headers)
    body = assert_error(refused, 429, "too_many_requests")
    assert 1 <= int(refused["Retry-After"]) <= 900
    assert refused["Retry-After"] in body["message"]
    # ... while the integration's own address is not affected.
    fine = send(client, "GET", "/staff/dossiers", REMOTE_ADDR=INTEGRATION,
                **keys.receptionist_a.headers)
    assert fine.status_code == 200
    # Each wrong key is a refusal in the trail, and so is the lock, once.
    denied = AuditEntry.objects.filter(action=Action.ACCESS_DENIED)
    assert denied.filter(detail__status=401).count() == 3
    entry = denied.get(detail__limit="api-bad-keys")
    assert entry.detail["limit"] == "api-bad-keys"


def test_requests_per_key_are_limited_a_minute(client: Client, keys: Keys, settings) -> None:
    settings.API_REQUESTS_PER_KEY_PER_MINUTE = 4
    for _ in range(4):
        ok = send(client, "GET", "/staff/dossiers", **keys.receptionist_a.headers)
        assert ok.status_code == 200
    busy = send(client, "GET", "/staff/dossiers", **keys.receptionist_a.headers)
    assert_error(busy, 429, "too_many_requests")
    assert 1 <= int(busy["Retry-After"]) <= 61
    other = send(client, "GET", "/staff/dossiers", **keys.receptionist_b.headers)
    assert other.status_code == 200


def test_a_missing_key_counts_nothing(client: Client, keys: Keys, settings) -> None:
    settings.API_BAD_KEYS_PER_ADDRESS = 1
    for _ in range(3):
        assert_error(send(client, "GET", "/staff/dossiers"), 401, "unauthorized")
    assert send(client, "GET", "/staff/dossiers", **keys.receptionist_a.headers).status_code == 200
