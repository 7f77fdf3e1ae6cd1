"""The latest one-time codes sent by SMS in demo mode, for the demo page:
with the log provider nobody receives an SMS, and a demo visitor cannot
read the server's console. Kept in the cache (shared by every process when
Redis is used), the number masked, for an hour at most."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.utils import timezone

CACHE_KEY = "demo:sms-codes"
KEPT = 10
LIFETIME_SECONDS = 3600


def keep(masked_phone: str, text: str) -> None:
    latest = [{"at": timezone.now(), "to": masked_phone, "text": text}, *latest_codes()]
    cache.set(CACHE_KEY, latest[:KEPT], LIFETIME_SECONDS)


def latest_codes() -> list[dict[str, Any]]:
    """Newest first."""
    return list(cache.get(CACHE_KEY) or [])
