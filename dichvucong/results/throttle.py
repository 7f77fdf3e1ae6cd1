"""Counting attempts per client in the shared cache (locmem by default,
Redis in production), so a limit holds across processes and machines."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: a forwarded header is whatever the client says; a
    # proxy in front must set REMOTE_ADDR from its own trusted header.
    return request.META.get("REMOTE_ADDR", "")


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
        """add() sets the expiry once, incr() keeps it (locmem and Redis)."""
        key = self._key(request)
        if cache.add(key, 1, self.window_seconds):
            return
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, self.window_seconds)
