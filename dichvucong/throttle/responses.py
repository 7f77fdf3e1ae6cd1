"""Answering a refusal: HTTP 429 with Retry-After, on a page in
Vietnamese that says when to try again.

`refused` is sent for the first refusal of each lock, with the request,
so the audit trail can record it (accounts connects the receiver: this
package imports none of our apps)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from dichvucong.throttle.limits import Refused

# Sent with request= and refusal= (a counters.Refusal).
refused = Signal()


def when_context(error: Refused) -> dict[str, Any]:
    """What a page needs to say when to come back."""
    seconds = error.retry_after
    until = timezone.localtime(timezone.now() + timedelta(seconds=seconds))
    return {"refused": error, "retry_at": until, "retry_minutes": max(1, -(-seconds // 60))}


def announce(request: HttpRequest, error: Refused) -> None:
    if error.refusal.first:
        refused.send(sender=Refused, request=request, refusal=error.refusal)


def too_many(
    request: HttpRequest,
    error: Refused,
    template: str = "throttle/too_many.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The 429 page; `template` may be the page the person was on (keeping
    their form), which then shows "throttle/_when.html"."""
    announce(request, error)
    response = render(request, template, {**(context or {}), **when_context(error)}, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


class ThrottleMiddleware:
    """Any Refused a view raises becomes the 429 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Refused):
            return too_many(request, exception)
        return None
