"""Stored files that no row points to.

A file is written before its row is committed (an attachment, an
electronic result, a material, a roster), so a transaction rolled back
after the write leaves the file behind. Every FileField of every model
is looked at: its folder (upload_to up to the first date pattern) is
listed and each file older than GRACE that no row names is an orphan.
`manage.py purge_orphan_files` deletes them, except after a restore: an
orphan written between the restored backup and the restore is an upload
the restored database forgot, and is set aside for recovery instead
(storage.restores explains the mark it reads)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.apps import apps
from django.core.files.storage import Storage, default_storage
from django.db.models import FileField
from django.utils import timezone

from dichvucong.storage import restores

# Younger files may belong to a transaction that is still open.
GRACE = timedelta(hours=1)


def stored_names(storage: Storage, folder: str) -> Iterator[str]:
    # Not exists(folder): on object storage a folder is only a prefix of
    # keys, never an object, so it never "exists"; listing it finds nothing
    # there when it is empty, where local disk raises instead.
    # folder "" is the storage's root.
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from stored_names(storage, f"{folder}/{sub}" if folder else sub)


def _file_fields() -> list[FileField]:
    return [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, FileField)
    ]


def _root(field: FileField) -> str:
    """The fixed folder a field writes under; "" when it has none (a
    callable upload_to, or files at the top): such a field is never swept."""
    if not isinstance(field.upload_to, str):
        return ""
    return field.upload_to.split("%", 1)[0].strip("/")


def _known_names() -> set[str]:
    names: set[str] = set()
    for field in _file_fields():
        values = field.model._default_manager.exclude(**{field.name: ""})
        names.update(values.values_list(field.name, flat=True))
    return names


def _folders() -> dict[str, Storage]:
    return {_root(field): field.storage for field in _file_fields() if _root(field)}


def _orphans(now: datetime | None) -> Iterator[tuple[str, Storage, datetime]]:
    cutoff = (now or timezone.now()) - GRACE
    known = _known_names()
    for folder, storage in sorted(_folders().items()):
        for name in stored_names(storage, folder):
            if name in known:
                continue
            modified = storage.get_modified_time(name)
            if modified < cutoff:
                yield name, storage, modified


def orphan_names(now: datetime | None = None) -> list[str]:
    return [name for name, _, _ in _orphans(now)]


@dataclasses.dataclass
class Sweep:
    """What a sweep does: orphans it deletes, and orphans it sets aside
    because a restore may have forgotten their rows (name -> new name)."""

    deleted: list[str] = dataclasses.field(default_factory=list)
    set_aside: dict[str, str] = dataclasses.field(default_factory=dict)


def purge_orphans(now: datetime | None = None, *, dry_run: bool = False) -> Sweep:
    sweep = Sweep()
    marks = restores.marks(default_storage)
    for name, storage, modified in _orphans(now):
        mark = restores.covering(marks, modified)
        if mark is None:
            sweep.deleted.append(name)
            if not dry_run:
                storage.delete(name)
        elif dry_run:
            sweep.set_aside[name] = f"{mark.recovery_folder}/{name}"
        else:
            sweep.set_aside[name] = restores.set_aside(storage, name, mark)
    return sweep
