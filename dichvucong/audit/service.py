"""Writing the security audit trail. Every app records through `record`;
nothing else writes AuditEntry rows."""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from dichvucong.audit import context
from dichvucong.audit.models import AuditEntry
from dichvucong.lib.addresses import client_address
from dichvucong.lib.masking import mask_account_name

logger = logging.getLogger(__name__)

# URL parts that carry a secret (the e-mail reset link's token, its user
# id) are not kept in the recorded path.
_SECRET_URL_PARTS = ("token", "secret", "key", "uidb64")


def request_address(request: HttpRequest | None) -> str | None:
    """The client's address as the audit keeps it; None when unknown or
    not an IP address (a test client, a management command)."""
    if request is None:
        return None
    raw = client_address(request.META, settings.TRUSTED_PROXY_COUNT)
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def request_path(request: HttpRequest | None) -> str:
    """The path without its query string (which may hold personal data)
    and without URL parts that are secrets."""
    if request is None:
        return ""
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name, value in (match.kwargs.items() if match else ()):
        if any(part in name for part in _SECRET_URL_PARTS) and str(value):
            path = path.replace(str(value), "***")
    return path[:300]


def account_of(request: HttpRequest) -> Any:
    """Who is making the request: the logged-in user, or for the API the
    account behind the credential django-ninja put on `request.auth` (an
    API key acts as its own service account). None for nobody."""
    user = getattr(request, "user", None)
    if getattr(user, "is_authenticated", False):
        return user
    credential = getattr(request, "auth", None)
    account = getattr(credential, "user", credential)
    if getattr(account, "is_authenticated", False) and getattr(account, "pk", None):
        return account
    return None


def record(
    action: str,
    what: str,
    *,
    request: HttpRequest | None = None,
    actor: Any = None,
    actor_label: str = "",
    target: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. Without `request`, the request being served (if
    any: audit.context); `actor` defaults to whoever makes it. Account
    names that are ID numbers or tax codes are masked here. Never pass a
    password, one-time code, token or full ID number."""
    if request is None:
        request = context.current_request()
    if actor is None and request is not None:
        actor = account_of(request)
    if actor is not None and not actor_label:
        actor_label = actor.get_username()
    entry = AuditEntry.objects.create(
        actor=actor,
        actor_label=mask_account_name(actor_label)[:150],
        action=action,
        what=what[:200],
        target=target[:200],
        address=request_address(request),
        path=request_path(request),
        detail=detail or {},
    )
    context.note_recorded(request)
    logger.info("audit %s: %s (entry %s)", action, what, entry.pk)
    return entry
