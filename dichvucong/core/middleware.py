"""Pages answer a database collision that outlasted its retries
(dichvucong.conflicts) with 503 and Retry-After, in plain words: nothing
was saved, send it again. Never the 500 page, which says something broke."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dichvucong.conflicts import RETRY_AFTER_SECONDS, Busy, is_conflict

logger = logging.getLogger(__name__)


class BusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not (isinstance(exception, Busy) or is_conflict(exception)):
            return None
        logger.warning("busy: %s %s answered 503", request.method, request.path)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
