"""Writing the security audit trail. Every app records through `record`;
nothing else writes AuditEntry rows."""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from dichvucong.audit.models import AuditEntry
from dichvucong.lib.addresses import client_address

logger = logging.getLogger(__name__)


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
    """Append one entry. `actor` defaults to the request's logged-in user.
    Never pass a password, one-time code, token or full ID number."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if getattr(user, "is_authenticated", False) else None
    if actor is not None and not actor_label:
        actor_label = actor.get_username()
    entry = AuditEntry.objects.create(
        actor=actor,
        actor_label=actor_label[:150],
        action=action,
        what=what[:200],
        target=target[:200],
        address=request_address(request),
        path=(request.path[:300] if request is not None else ""),
        detail=detail or {},
    )
    logger.info("audit %s: %s (entry %s)", action, what, entry.pk)
    return entry
