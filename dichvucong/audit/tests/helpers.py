"""Small helpers for the audit tests: an address to come from, and all an
entry holds, to look for what must not be there."""

from __future__ import annotations

import json

from django.urls import reverse

from dichvucong.audit.models import AuditEntry

# Documentation addresses (RFC 5737): the client a test pretends to be.
ADDRESS = "198.51.100.7"
FROM_ADDRESS = {"REMOTE_ADDR": ADDRESS}
LOGIN = reverse("accounts:login")
PASSWORD = "matkhau-demo-1"  # the cast's (dossiers/testing.py)


def only(action: str) -> AuditEntry:
    [entry] = AuditEntry.objects.filter(action=action)
    return entry


def everything_kept() -> str:
    """Every value of every entry, as one text."""
    rows = AuditEntry.objects.values()
    return json.dumps(list(rows), default=str, ensure_ascii=False)
