"""Noting that an officer opened a dossier, for its applicant to know
(Law 91/2025/QH15, art. 4: the right to know of the processing)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from dichvucong.rights.models import DossierRead


def note_read(dossier: Any, officer: Any) -> None:
    """One INSERT; the day's second visit is ignored by the unique key."""
    now = timezone.now()
    DossierRead.objects.bulk_create(
        [DossierRead(dossier=dossier, actor=officer, day=timezone.localdate(now), first_at=now)],
        ignore_conflicts=True,
    )
