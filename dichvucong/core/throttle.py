"""Counting attempts per client in the shared cache (locmem by default,
Redis in production), so a limit holds across processes and machines.
Used by the public dossier lookup, result verification, petitions and
the one-time codes sent by SMS."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from dichvucong.lib import addresses


def client_address(request: HttpRequest) -> str:
    """The client's address, trusting only our own proxies (lib.addresses)."""
    return addresses.client_address(request.META, settings.TRUSTED_PROXY_COUNT)


@dataclass(frozen=True)
class Throttle:
    """At most `limit` counted attempts per client in a fixed window that
    starts with the first one."""

    scope: str
    limit: int
    window_seconds: int

    def _key(self, request: HttpRequest) -> str:
        # Keyed by a keyed hash: the cache holds no client addresses in clear.
        address = client_address(request).encode()
        digest = hmac.new(settings.SECRET_KEY.encode(), address, hashlib.sha256)
        return f"{self.scope}:{digest.hexdigest()[:32]}"

    def exceeded(self, request: HttpRequest) -> bool:
        return int(cache.get(self._key(request), 0)) >= self.limit

    def hit(self, request: HttpRequest) -> None:
        count_one(self._key(request), self.window_seconds)


def count_one(key: str, window_seconds: int) -> int:
    """Count one use of `key` in a fixed window; returns the count so far.
    add() sets the expiry once, incr() keeps it (locmem and Redis)."""
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window_seconds)
        return 1


def within_hourly_limit(key: str, limit: int) -> bool:
    """Count one use (a code sent, say) against `limit` per hour. True if
    allowed. A counter the cache loses only loosens the limit for an hour."""
    return count_one(key, 3600) <= limit
