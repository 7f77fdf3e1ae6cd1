"""The archive: a tar file with the database dump under database/, every
stored file under files/ (named as the storage names it) and, written last
because it carries every other member's checksum, manifest.json.

Reading checks everything before anything is restored: the format, each
name (relative, no "..", so nothing can be written outside the storage),
and each member's size and SHA-256 against the manifest."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.utils.translation import gettext as _

from dichvucong.storage import BackupError

FORMAT = "dichvucong-backup"
VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """One member: its name (a storage name for a file, the dump's name for
    the database), size in bytes and SHA-256."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    taken_at: datetime
    vendor: str
    migrations: dict[str, list[str]]
    database: Entry
    files: list[Entry]

    def members(self) -> Iterator[tuple[str, Entry]]:
        yield database_member(self.database.name), self.database
        for entry in self.files:
            yield file_member(entry.name), entry

    def to_json(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": VERSION,
            "taken_at": self.taken_at.isoformat(),
            "vendor": self.vendor,
            "migrations": self.migrations,
            "database": asdict(self.database),
            "files": [asdict(entry) for entry in self.files],
        }
        return json.dumps(body, ensure_ascii=False, indent=1).encode()


def database_member(name: str) -> str:
    return f"database/{name}"


def file_member(name: str) -> str:
    return f"files/{name}"


def safe_name(name: str) -> str:
    """A relative name that stays inside its folder, or BackupError."""
    path = PurePosixPath(name)
    bad = (
        not name
        or path.is_absolute()
        or ".." in path.parts
        or "\\" in name
        or any(ord(char) < 32 for char in name)
    )
    if bad:
        raise BackupError(_("Tệp sao lưu có tên không hợp lệ: %(name)r.") % {"name": name})
    return name


class _Hashing:
    """Reads through to a stream, counting and hashing what passes."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


class Writer:
    """Adds members to a new tar file, recording each one's checksum."""

    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar

    def add(
        self, entry_name: str, member: str, stream: IO[bytes], size: int, modified: datetime
    ) -> Entry:
        info = tarfile.TarInfo(member)
        info.size, info.mtime, info.mode = size, int(modified.timestamp()), 0o600
        hashing = _Hashing(stream)
        self.tar.addfile(info, hashing)  # raises if the stream ends early
        return Entry(entry_name, size, hashing.digest.hexdigest())

    def finish(self, manifest: Manifest) -> None:
        data = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(manifest.taken_at.timestamp()), 0o600
        self.tar.addfile(info, io.BytesIO(data))


@contextmanager
def writing(path: Path) -> Iterator[Writer]:
    """A new archive at `path`, readable by its owner only: it holds
    citizens' data."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
        yield Writer(tar)


@contextmanager
def reading(path: Path) -> Iterator[tuple[tarfile.TarFile, Manifest]]:
    try:
        tar = tarfile.open(path, mode="r:*")  # noqa: SIM115 (closed by the with below)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(
            _("Không đọc được tệp sao lưu %(path)s: %(error)s") % {"path": path, "error": error}
        ) from error
    with tar:
        yield tar, _manifest(tar)


def _manifest(tar: tarfile.TarFile) -> Manifest:
    try:
        body = json.load(open_member(tar, MANIFEST))
        if body.get("format") != FORMAT or body.get("version") != VERSION:
            raise ValueError("format")
        return Manifest(
            taken_at=datetime.fromisoformat(body["taken_at"]),
            vendor=str(body["vendor"]),
            migrations={
                str(app): [str(n) for n in names] for app, names in body["migrations"].items()
            },
            database=_entry(body["database"]),
            files=[_entry(item) for item in body["files"]],
        )
    except (ValueError, KeyError, TypeError, AttributeError, tarfile.TarError) as error:
        raise BackupError(
            _("Tệp này không phải bản sao lưu của hệ thống hoặc mục lục (manifest.json) bị hỏng.")
        ) from error


def _entry(item: dict[str, Any]) -> Entry:
    return Entry(safe_name(str(item["name"])), int(item["size"]), str(item["sha256"]))


def open_member(tar: tarfile.TarFile, member: str) -> IO[bytes]:
    try:
        info = tar.getmember(member)
    except KeyError:
        raise BackupError(_("Tệp sao lưu thiếu %(member)s.") % {"member": member}) from None
    stream = tar.extractfile(info) if info.isfile() else None
    if stream is None:
        raise BackupError(
            _("%(member)s trong tệp sao lưu không phải tệp thường.") % {"member": member}
        )
    return stream


def verify(tar: tarfile.TarFile, manifest: Manifest) -> None:
    """Every member the manifest lists is there with its size and SHA-256."""
    for member, entry in manifest.members():
        try:
            size, sha256 = _checksum(open_member(tar, member))
        except (tarfile.TarError, OSError, EOFError) as error:
            raise BackupError(
                _("Tệp sao lưu bị cắt hoặc hỏng (%(error)s). Chưa khôi phục gì.") % {"error": error}
            ) from error
        if size != entry.size or sha256 != entry.sha256:
            raise BackupError(
                _(
                    "Tệp sao lưu bị hỏng: %(member)s không khớp mã kiểm tra SHA-256. "
                    "Chưa khôi phục gì."
                )
                % {"member": member}
            )


def _checksum(stream: IO[bytes]) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()
