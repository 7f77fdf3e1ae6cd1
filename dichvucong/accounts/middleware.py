"""Placeholder replaced by the accounts work: session limits."""

from __future__ import annotations


class SessionLimitsMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        return self.get_response(request)
