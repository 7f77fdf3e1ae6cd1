"""Counters in the shared cache (locmem embedded, Redis in production), so
a limit holds across processes and machines, and behaves the same on both.

Every key is a keyed hash (HMAC with SECRET_KEY) of what it counts: the
cache never holds a client address, a login name or an ID number in clear.
A window is fixed: it starts with the first counted event and its end is
kept beside the count, so a refusal can say when to come back.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from dichvucong.lib import addresses

KEY_PREFIX = "throttle"


def client_address(request: HttpRequest) -> str:
    """The client's address, trusting only our own proxies (lib.addresses)."""
    return addresses.client_address(request.META, settings.TRUSTED_PROXY_COUNT)


def hashed_key(scope: str, *parts: str) -> str:
    """The cache key for `parts` in `scope`: a keyed hash, never the parts."""
    message = "\x1f".join(parts).encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"{KEY_PREFIX}:{scope}:{digest[:32]}"


def count(key: str) -> int:
    return int(cache.get(key, 0))


def count_one(key: str, window_seconds: int) -> int:
    """Count one event under `key` in a fixed window; returns the count so
    far. add() sets the expiry once, incr() keeps it (locmem and Redis)."""
    if cache.add(key, 1, window_seconds):
        cache.set(f"{key}:end", time.time() + window_seconds, window_seconds)
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window_seconds)
        cache.set(f"{key}:end", time.time() + window_seconds, window_seconds)
        return 1


def seconds_left(key: str, window_seconds: int) -> int:
    """Until the window of `key` ends (at least 1 second); the whole window
    when its end was lost (the cache evicted it)."""
    end = cache.get(f"{key}:end")
    if end is None:
        return window_seconds
    return max(1, math.ceil(float(end) - time.time()))


def clear(key: str) -> None:
    cache.delete_many([key, f"{key}:end"])


def lock(key: str, seconds: int) -> None:
    cache.set(f"{key}:lock", time.time() + seconds, seconds)


def lock_left(key: str) -> int | None:
    """Seconds until the lock on `key` lifts, or None when not locked."""
    until = cache.get(f"{key}:lock")
    if until is None:
        return None
    return max(1, math.ceil(float(until) - time.time()))


def unlock(key: str) -> None:
    cache.delete(f"{key}:lock")


def setting(value: int | str) -> int:
    """A number, or the name of the setting that holds it (read at each
    use, so a changed setting takes effect, tests included)."""
    return int(getattr(settings, value)) if isinstance(value, str) else value


def within_hourly_limit(key: str, limit: int) -> bool:
    """Count one use (a code sent, say) against `limit` per hour. True if
    allowed. A counter the cache loses only loosens the limit for an hour."""
    return count_one(hashed_key("hourly", key), 3600) <= limit


@dataclass(frozen=True)
class Refusal:
    """Why and for how long something was refused; `scope` names the
    limit (for the audit trail, never shown), `first` is True for the
    first refusal of a window (only that one is worth recording)."""

    scope: str
    retry_after: int
    first: bool = False
