"""Several workers find the Zalo access token expired at the same moment.
The row lock lets one of them spend the single-use refresh token; the
others wait, see the new access token and spend nothing, so Zalo never
sees a refresh token twice and every worker sends."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from dichvucong.notifications import zalo as zalo_client
from dichvucong.notifications.models import ZaloToken

WORKERS = 5


def _refresh(spent: str, tokens: list[str], errors: list[str], barrier) -> None:  # type: ignore[no-untyped-def]
    try:
        barrier.wait(timeout=60)
        tokens.append(zalo_client.refresh(spent=spent))
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(repr(error))
    finally:
        connections.close_all()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_refreshes_spend_the_refresh_token_once(zalo):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are proven on PostgreSQL (SQLite serialises writers)")
    stale = zalo_client.current_access_token()
    zalo.expire_access_token()
    zalo.refresh_delay = 0.3
    tokens: list[str] = []
    errors: list[str] = []
    barrier = threading.Barrier(WORKERS)
    threads = [
        threading.Thread(target=_refresh, args=(stale, tokens, errors, barrier))
        for _ in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert tokens == [zalo.access_token] * WORKERS
    assert len(zalo.refreshes) == 2, "the refresh token was presented more than once"
    assert ZaloToken.objects.get().refresh_token == zalo.refresh_token
