"""The mark a restore leaves in storage, so the orphan sweep never deletes
an upload newer than the restored backup.

Restoring an older database forgets every row written after the backup,
but not the files those rows named: they are still in storage, and to the
daily sweep (storage.orphans) they look like the files of rolled-back work.
So before it changes anything, a restore writes a mark to
`restores/<when>.json` in the default storage: when the backup was taken,
when the restore started, and, once it ends (done or failed), when it
finished. The sweep reads every mark. An orphan whose modification time
falls in a mark's window, from MARGIN before the backup was taken until
that restore finished, may be such a forgotten upload (or a file the
restore itself wrote back): the sweep moves it to
`recovery/<when>/<its name>` and lists it, never deletes it. Orphans older
than every window are work that was already rolled back when the backup
was taken, and orphans younger are the restored system's own: both are
deleted as every day. A mark without an end (the restore process was
killed) keeps its window open, so the sweep only sets aside, never
deletes, anything newer than that backup until it is finished or removed.

The mark lives beside the files, not in the database, because it must be
in place before the database is replaced and must survive a restore that
fails half-way."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError

FOLDER = "restores"
RECOVERY = "recovery"
# An upload that began this long before the snapshot may have committed its
# row only after it, and so be missing from the backup too.
MARGIN = timedelta(hours=1)


@dataclass(frozen=True)
class Mark:
    name: str
    taken_at: datetime
    started_at: datetime
    finished_at: datetime | None = None

    @property
    def recovery_folder(self) -> str:
        return f"{RECOVERY}/{PurePosixPath(self.name).stem}"

    def covers(self, modified: datetime) -> bool:
        after_backup = modified >= self.taken_at - MARGIN
        return after_backup and (self.finished_at is None or modified < self.finished_at)

    def to_json(self) -> bytes:
        body = {
            "taken_at": self.taken_at.isoformat(),
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }
        return json.dumps(body).encode()


def begin(storage: Storage, taken_at: datetime) -> Mark:
    now = timezone.now()
    name = f"{FOLDER}/{timezone.localtime(now):%Y%m%d-%H%M%S}.json"
    mark = Mark(name, taken_at, now)
    return replace(mark, name=storage.save(name, ContentFile(mark.to_json())))


def finish(storage: Storage, mark: Mark) -> Mark:
    done = replace(mark, finished_at=timezone.now())
    storage.delete(mark.name)
    storage.save(mark.name, ContentFile(done.to_json()))
    return done


def marks(storage: Storage) -> list[Mark]:
    try:
        _, names = storage.listdir(FOLDER)
    except FileNotFoundError:  # local disk with no restore yet
        return []
    return [_read(storage, f"{FOLDER}/{name}") for name in sorted(names)]


def _read(storage: Storage, name: str) -> Mark:
    try:
        with storage.open(name, "rb") as stream:
            body = json.load(stream)
        finished = body["finished_at"]
        return Mark(
            name,
            datetime.fromisoformat(body["taken_at"]),
            datetime.fromisoformat(body["started_at"]),
            datetime.fromisoformat(finished) if finished else None,
        )
    except (ValueError, KeyError, TypeError) as error:
        # Without the window the sweep cannot tell forgotten uploads from
        # rolled-back ones, so it stops rather than guess.
        raise BackupError(
            _("Không đọc được dấu khôi phục %(name)s; sửa hoặc xóa nó rồi chạy lại.")
            % {"name": name}
        ) from error


def covering(all_marks: list[Mark], modified: datetime) -> Mark | None:
    return next((mark for mark in all_marks if mark.covers(modified)), None)


def set_aside(storage: Storage, name: str, mark: Mark) -> str:
    """Moves a file into the mark's recovery folder; returns its new name."""
    with storage.open(name, "rb") as stream:
        moved = storage.save(f"{mark.recovery_folder}/{name}", stream)
    storage.delete(name)
    return moved


def location(storage: Storage, name: str) -> str:
    """Where an operator finds `name`: a path on disk or a bucket address."""
    try:
        return storage.path(name)
    except NotImplementedError:
        prefix = "/".join(part for part in (getattr(storage, "location", ""), name) if part)
        return f"s3://{getattr(storage, 'bucket_name', '?')}/{prefix}"
