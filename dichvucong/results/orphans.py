"""Result files that no row points to: what a rolled-back approval leaves
behind (the PDF is written before the commit; see service.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.core.files.storage import Storage
from django.utils import timezone

from dichvucong.dossiers.models import ResultDocument

ROOT = "results"
# Younger files may belong to an approval whose transaction is still open.
GRACE = timedelta(hours=1)


def stored_names(storage: Storage, folder: str = ROOT) -> Iterator[str]:
    if not storage.exists(folder):
        return
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from stored_names(storage, f"{folder}/{sub}")


def orphan_names(now: datetime | None = None) -> list[str]:
    storage = ResultDocument._meta.get_field("file").storage
    cutoff = (now or timezone.now()) - GRACE
    known = set(ResultDocument.objects.values_list("file", flat=True))
    return [
        name
        for name in stored_names(storage)
        if name not in known and storage.get_modified_time(name) < cutoff
    ]


def purge_orphans(now: datetime | None = None) -> list[str]:
    storage = ResultDocument._meta.get_field("file").storage
    names = orphan_names(now)
    for name in names:
        storage.delete(name)
    return names
