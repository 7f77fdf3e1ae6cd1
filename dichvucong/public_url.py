"""The site's public address, for every link that leaves the page: the QR
codes and addresses printed on slips and results, SMS, e-mails, the
gateway's return address, the pupils' login slips.

SITE_URL names it, and production must set it: with DEBUG off the system
check dichvucong.E006 (core/checks.py) refuses to start without it, or with
a loopback or plain-http address, since a link to 127.0.0.1 on a citizen's
slip leads nowhere.

In development (DEBUG on, SITE_URL unset) links follow the address the
browser used, so a demo opened as http://192.168.1.20:8000 from a phone
prints that address. A request passed in is used; otherwise the one being
answered (PublicOriginMiddleware keeps its origin for the duration of the
request, which covers notifications composed on a status change and the
tasks run in-process after its commit). Work with no request at all (a
Celery worker, a management command) gets SITE_URL, or in development the
embedded server's address.

Imports nothing of the project, so every app may use it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

EMBEDDED_ORIGIN = "http://127.0.0.1:8000"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})

_request_origin: ContextVar[str] = ContextVar("public_url_request_origin", default="")


def site_origin(request: HttpRequest | None = None) -> str:
    """scheme://host[:port] of the public site, without a trailing slash."""
    configured = str(settings.SITE_URL or "").rstrip("/")
    if configured:
        return configured
    if settings.DEBUG:
        origin = _origin_of(request) if request is not None else _request_origin.get()
        if origin:
            return origin
    return EMBEDDED_ORIGIN


def public_url(path: str, request: HttpRequest | None = None) -> str:
    """The absolute address of `path` (which starts with "/")."""
    if not path.startswith("/"):
        raise ValueError(f"public_url wants a path from the site's root, not {path!r}")
    return site_origin(request) + path


def _origin_of(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


class PublicOriginMiddleware:
    """Keeps the origin of the request being answered for site_origin(),
    in development only (production always uses SITE_URL)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.DEBUG or settings.SITE_URL:
            return self.get_response(request)
        token = _request_origin.set(_origin_of(request))
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)


def site_url_problem(site_url: str) -> str:
    """What makes `site_url` unfit for production, or "" when it is fine."""
    if not site_url:
        return "SITE_URL is not set: slips, QR codes, SMS and e-mails would carry no usable link."
    parts = urlsplit(site_url)
    if parts.scheme != "https" or not parts.hostname:
        return f"SITE_URL ({site_url}) is not an https:// address."
    if _is_loopback(parts.hostname):
        return f"SITE_URL ({site_url}) is a loopback address nobody else can reach."
    return ""


def _is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        address: Any = ipaddress.ip_address(host)
    except ValueError:
        return False
    return bool(address.is_loopback or address.is_unspecified)
