"""Public pages served from the shared cache and answered 304 when the
visitor already holds them.

A public page (core/caching.PUBLIC_VIEWS) asked for anonymously shows the
same thing to everyone, so one copy in Django's cache (Redis in
production, locmem in the embedded mode) serves every visitor. Each page
names the areas of data it shows (core/caching.PAGE_AREAS): the
catalogue, the statistics. Each area has a version in the cache, the time in nanoseconds
of its last change, bumped by signals (catalogue/signals.py,
reports/signals.py) now and again after the commit (a page built between
the two holds the new data anyway). The versions are part of the cache
key and of the ETag, so the next request after a change builds the page
afresh and a browser's old copy no longer matches; nothing is ever
deleted, stale copies expire. A lost version (eviction, a cleared cache)
is set to now: a miss, never a stale page. Code that writes in bulk
(queryset.update, bulk_create: the data generator, the demo loader)
sends no signal and should call `bump` itself; as a safety net a version
lives ten minutes, so such a write, or one made by another process while
the cache is per process (locmem), shows within that time.

Only anonymous GET and HEAD requests without a pending message take part;
the key and the ETag hold the view, path, sorted query string, language,
versions, and for statistics today's date (the figures are "as of today").
The log-out form with its CSRF token (base.html) is shown to logged-in
users only, who are never served from here.

A kept page is kept gzipped, once: a browser that accepts gzip (nearly
all) gets those bytes as they are, instead of every request compressing
48 KB of statistics again; others get them unzipped. Django's gzip adds
random padding against BREACH, which guesses a secret in a page from the
size of its compressed copies; a kept page holds no secret (no CSRF
token, nothing of the visitor's), so it needs none.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, urlencode

CATALOGUE = "catalogue"
STATISTICS = "statistics"
# How long a built page is kept: stale copies (older versions) go away by
# themselves. settings.PUBLIC_PAGES_CACHE_SECONDS may change it (and
# REPORTS_CACHE_SECONDS for statistics); 0 keeps no pages (ETags and 304s
# still work).
DEFAULT_SECONDS = 600
# A version is set afresh this often even without a change (see above).
VERSION_SECONDS = 600
VERSION_KEY = "public-version:{area}"
PAGE_KEY = "public-page:{digest}"
KEPT_HEADERS = ("Content-Type", "Content-Disposition")
# Django's cookie message storage: a page that would show a message is
# built for this visitor alone.
MESSAGES_COOKIE = "messages"


@dataclass(frozen=True)
class Page:
    key: str
    etag: str
    last_modified: float
    seconds: int


# --- Versions ------------------------------------------------------------------------


def bump(area: str) -> None:
    """A new version for the area, now and again after the commit."""
    _bump(area)
    transaction.on_commit(lambda: _bump(area))


def _bump(area: str) -> None:
    key = VERSION_KEY.format(area=area)
    previous = cache.get(key) or 0
    cache.set(key, max(time.time_ns(), previous + 1), VERSION_SECONDS)


def versions(areas: tuple[str, ...]) -> list[int]:
    keys = [VERSION_KEY.format(area=area) for area in areas]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, time.time_ns(), VERSION_SECONDS)
            found[key] = cache.get(key) or time.time_ns()
    return [found[key] for key in keys]


# --- The page ------------------------------------------------------------------------


def describe(request: HttpRequest, areas: tuple[str, ...]) -> Page:
    stamps = versions(areas)
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    view = getattr(request.resolver_match, "view_name", "")
    parts: list[Any] = [view, request.path, query]
    parts += [getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE), *stamps]
    last_modified = max(stamps) / 1e9
    if STATISTICS in areas:
        today = timezone.localdate()
        parts.append(today)
        midnight = timezone.make_aware(datetime.combine(today, datetime.min.time()))
        last_modified = max(last_modified, midnight.timestamp())
    digest = hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()[:32]
    key, etag = PAGE_KEY.format(digest=digest), f'W/"{digest}"'
    return Page(key, etag, int(last_modified), _seconds(areas))


def takes_part(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and MESSAGES_COOKIE not in request.COOKIES


def answer(request: HttpRequest, areas: tuple[str, ...]) -> HttpResponse | None:
    """A 304 or the kept copy of the page, or None: the view builds it."""
    page = describe(request, areas)
    request.public_page = page  # type: ignore[attr-defined]
    response = get_conditional_response(request, etag=page.etag, last_modified=page.last_modified)
    if response is None:
        response = _kept(page, accepts_gzip(request))
    if response is not None:
        response.from_public_cache = True  # type: ignore[attr-defined]
    return response


def accepts_gzip(request: HttpRequest) -> bool:
    return bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))


def _kept(page: Page, gzipped: bool) -> HttpResponse | None:
    stored = cache.get(page.key)
    if stored is None:
        return None
    headers, compressed = stored
    response = HttpResponse(compressed if gzipped else gzip.decompress(compressed))
    for name, value in headers.items():
        response[name] = value
    if gzipped:
        # Django's GZipMiddleware leaves an encoded response alone.
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def keep(request: HttpRequest, response: HttpResponseBase) -> None:
    """Keeps a page the view just built, and marks any public page's
    response with its validators."""
    page: Page | None = getattr(request, "public_page", None)
    if page is None:
        return
    if page.seconds > 0 and _keepable(request, response):
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        content = gzip.compress(response.content, mtime=0)  # type: ignore[attr-defined]
        cache.set(page.key, (headers, content), page.seconds)
    if response.status_code in (200, 304):
        response["ETag"] = page.etag
        response["Last-Modified"] = http_date(page.last_modified)
        # Browsers and proxies may keep it but ask each time: a 304 is cheap.
        patch_cache_control(response, public=True, no_cache=True)


def _keepable(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(response, "from_public_cache", False)
    )


def _seconds(areas: tuple[str, ...]) -> int:
    """A page of statistics is a figures cache too: REPORTS_CACHE_SECONDS=0
    keeps none (the figures of rows written in bulk, which send no signal,
    then show at once)."""
    seconds = int(getattr(settings, "PUBLIC_PAGES_CACHE_SECONDS", DEFAULT_SECONDS))
    if STATISTICS in areas:
        seconds = min(seconds, int(getattr(settings, "REPORTS_CACHE_SECONDS", seconds)))
    return seconds
