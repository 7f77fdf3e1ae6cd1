"""The stored files, read and written through Django's default storage, so
one code path covers local disk (MEDIA_ROOT) and a bucket (S3_PREFIX).

Every file under the storage's root goes into the archive, not only those
a row names: a file whose row committed just after the database snapshot is
still there to recover (restores.py)."""

from __future__ import annotations

import hashlib
import tarfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError, archive, restores
from dichvucong.storage.orphans import stored_names


def refuse_inside(storage: Storage, output: Path) -> None:
    """An archive written into the storage it backs up would take itself in."""
    try:
        root = Path(storage.path("")).resolve()
    except NotImplementedError:  # object storage: the archive is on local disk
        return
    if output.resolve().is_relative_to(root):
        raise BackupError(
            _("Không ghi tệp sao lưu vào trong thư mục tệp tải lên (%(root)s): chọn nơi khác.")
            % {"root": root}
        )


def add_all(writer: archive.Writer, storage: Storage) -> list[archive.Entry]:
    entries = []
    for name in sorted(stored_names(storage, "")):
        with storage.open(name, "rb") as stream:
            entries.append(
                writer.add(
                    name,
                    archive.file_member(name),
                    stream,
                    storage.size(name),
                    storage.get_modified_time(name),
                )
            )
    return entries


def sha256(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stream:
        while chunk := stream.read(archive.CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def restore_all(
    tar: tarfile.TarFile, entries: list[archive.Entry], storage: Storage, mark: restores.Mark
) -> int:
    """Writes each archived file back under its own name. One already there
    with the same content is left as it is; one with other content is set
    aside in the mark's recovery folder first, never overwritten. Returns
    how many were written."""
    written = 0
    for entry in entries:
        if storage.exists(entry.name):
            if sha256(storage, entry.name) == entry.sha256:
                continue
            restores.set_aside(storage, entry.name, mark)
        stream = archive.open_member(tar, archive.file_member(entry.name))
        if storage.save(entry.name, File(stream, name=entry.name)) != entry.name:
            raise BackupError(
                _("Bộ lưu trữ không ghi được tệp %(name)s dưới đúng tên.") % {"name": entry.name}
            )
        written += 1
    return written
