"""The same limits on the embedded cache (locmem) and in production
(Redis, db 10 of the local server and one more per parallel test worker,
since each test empties its db; skipped when none runs), with nothing but
keyed hashes in the cache."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import override_settings

from dichvucong.throttle import Limit, Lockout, Refused

# gw0, gw1, ... of pytest-xdist: two workers sharing a db would empty
# each other's counters in the middle of a test.
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get("THROTTLE_TEST_REDIS_URL", f"redis://127.0.0.1:6379/{10 + WORKER % 6}")
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                     "LOCATION": REDIS_URL}}
LOGIN = Lockout("t-login", pair_limit=3, address_limit=5, account_limit=4, window=600)
X, Y, Z = "203.0.113.1", "198.51.100.2", "192.0.2.3"


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


@pytest.fixture(params=["locmem", "redis"])
def backend(request) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "redis" and not _redis_up():
        pytest.skip(f"no Redis at {REDIS_URL}")
    with override_settings(CACHES=LOCMEM if request.param == "locmem" else REDIS):
        cache.clear()
        yield request.param
        cache.clear()


def _stored_text(backend: str) -> str:
    if backend == "locmem":
        return " ".join(f"{k}={v!r}" for k, v in cache._cache.items())  # type: ignore[attr-defined]
    client = cache._cache.get_client()  # type: ignore[attr-defined]
    return " ".join(f"{k!r}={client.get(k)!r}" for k in client.keys("*"))


def test_a_limit_refuses_at_its_count_and_says_how_long(backend):
    limit = Limit("t-plain", 2, 60)
    limit.take("a")
    limit.take("a")
    with pytest.raises(Refused) as refused:
        limit.take("a")
    assert 1 <= refused.value.retry_after <= 61
    assert refused.value.refusal.first
    with pytest.raises(Refused) as again:
        limit.check("a")
    assert not again.value.refusal.first
    limit.take("b")  # another key is untouched


def test_a_pair_lock_leaves_other_addresses_free(backend):
    for _ in range(3):
        LOGIN.check("clerk", X)
        LOGIN.failed("clerk", X)
    with pytest.raises(Refused) as refused:
        LOGIN.check("clerk", X)
    assert refused.value.refusal.scope == "t-login-pair"
    LOGIN.check("clerk", Y)


def test_a_guarded_account_lets_only_addresses_without_failures_try(backend):
    for address in (X, Y):
        LOGIN.failed("clerk", address)
        LOGIN.failed("clerk", address)
    assert LOGIN.is_guarded("clerk")
    with pytest.raises(Refused) as refused:
        LOGIN.check("clerk", X)
    assert refused.value.refusal.scope == "t-login-account"
    LOGIN.check("clerk", Z)
    LOGIN.check("someone-else", X)
    LOGIN.forgive("clerk")
    LOGIN.check("clerk", X)


def test_an_address_failing_on_many_accounts_is_locked_for_all(backend):
    for name in ("a", "b", "c", "d", "e"):
        LOGIN.failed(name, X)
    with pytest.raises(Refused):
        LOGIN.check("f", X)
    LOGIN.check("f", Y)


def test_success_clears_only_its_own_pair(backend):
    for _ in range(2):
        LOGIN.failed("clerk", X)
        LOGIN.failed("clerk", Y)
    LOGIN.succeeded("clerk", Y)
    LOGIN.failed("clerk", X)
    with pytest.raises(Refused):
        LOGIN.check("clerk", X)


def test_the_cache_holds_only_keyed_hashes(backend):
    LOGIN.failed("001085012345", X)
    Limit("t-plain", 2, 60).take("001085012345")
    stored = _stored_text(backend)
    assert "t-login-pair" in stored
    for secret in ("001085012345", X, "203.0.113"):
        assert secret not in stored
