"""Which address a request came from, behind a known number of our own
reverse proxies. Framework-free: callers pass the request's META and the
configured proxy count."""

from __future__ import annotations

from collections.abc import Mapping


def client_address(meta: Mapping[str, str], trusted_proxies: int) -> str:
    """The client's address. Behind `trusted_proxies` reverse proxies it
    is that many entries from the right of X-Forwarded-For (what our own
    proxies appended); entries further left are whatever the client sent
    and are never trusted. With no proxies, REMOTE_ADDR."""
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if trusted_proxies > 0 and len(forwarded) >= trusted_proxies:
        return forwarded[-trusted_proxies]
    return meta.get("REMOTE_ADDR", "")
