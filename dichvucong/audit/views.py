"""Django's CSRF failure page, noting on the request why it failed so that
AuditMiddleware records the 403 as a CSRF failure (CSRF_FAILURE_VIEW)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.csrf import csrf_failure as django_csrf_failure

from dichvucong.audit.middleware import CSRF_REASON


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    setattr(request, CSRF_REASON, reason or "CSRF")
    return django_csrf_failure(request, reason=reason)
