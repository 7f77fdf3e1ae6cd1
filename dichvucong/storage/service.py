"""The two operations the commands call: take a backup, restore one."""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError, archive, files, postgres, restores, sqlite

ENGINES: dict[str, ModuleType] = {"sqlite": sqlite, "postgresql": postgres}
# Rows `migrate` itself creates: a database holding only these is empty.
MIGRATE_MADE = {"contenttypes.contenttype", "auth.permission"}
# What the restore counts in what it restored.
COUNTED = (
    "dossiers.dossier",
    "dossiers.event",
    "dossiers.attachment",
    "dossiers.resultdocument",
    "accounts.user",
)


@dataclass
class Restored:
    manifest: archive.Manifest
    files_written: int
    migrated: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    mark: restores.Mark | None = None


def _engine(connection: BaseDatabaseWrapper) -> ModuleType:
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise BackupError(
            _("Chưa hỗ trợ sao lưu cơ sở dữ liệu %(vendor)s.") % {"vendor": connection.vendor}
        ) from None


def default_output() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"dichvucong-{stamp}.tar"


def applied_migrations(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        grouped[app].append(name)
    return dict(grouped)


def backup(
    output: Path, *, using: str = "default", storage: Storage = default_storage
) -> archive.Manifest:
    """Writes the archive to `output` (first as output.part, renamed when
    complete, so a failed backup never leaves a file that looks whole)."""
    connection = connections[using]
    engine = _engine(connection)
    files.refuse_inside(storage, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    part = output.with_name(output.name + ".part")
    try:
        manifest = _write(part, connection, engine, storage)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    part.replace(output)
    return manifest


def _write(
    part: Path, connection: BaseDatabaseWrapper, engine: ModuleType, storage: Storage
) -> archive.Manifest:
    with tempfile.TemporaryDirectory(prefix="dichvucong-backup-") as tmp:
        dump = Path(tmp) / engine.DUMP_NAME
        # The database first: every file its rows name is then already stored.
        taken_at = timezone.now()
        migrations = applied_migrations(connection)
        engine.dump(connection, dump)
        with archive.writing(part) as writer, dump.open("rb") as stream:
            database = writer.add(
                dump.name, archive.database_member(dump.name), stream, dump.stat().st_size, taken_at
            )
            entries = files.add_all(writer, storage)
            manifest = archive.Manifest(taken_at, connection.vendor, migrations, database, entries)
            writer.finish(manifest)
    return manifest


def restore(
    path: Path, *, using: str = "default", force: bool = False, storage: Storage = default_storage
) -> Restored:
    """Checks everything first (vendor, migrations, an empty target unless
    forced, every checksum); then marks the storage for the sweep, writes
    the files and replaces the database last, in one transaction, so any
    failure before that leaves the database as it was."""
    connection = connections[using]
    engine = _engine(connection)
    with archive.reading(path) as (tar, manifest):
        _check(manifest, connection, force)
        archive.verify(tar, manifest)
        mark = restores.begin(storage, manifest.taken_at)
        try:
            written = _files(tar, manifest, storage, mark)
            _database(tar, manifest, connection, engine)
        finally:
            mark = restores.finish(storage, mark)
    connection.close()
    migrated = _migrate(using)
    return Restored(manifest, written, migrated, _counts(using), mark)


def _check(manifest: archive.Manifest, connection: BaseDatabaseWrapper, force: bool) -> None:
    if manifest.vendor != connection.vendor:
        raise BackupError(
            _("Bản sao lưu này của %(archive)s, không khôi phục được vào %(target)s.")
            % {"archive": manifest.vendor, "target": connection.vendor}
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(
        {(app, name) for app, names in manifest.migrations.items() for name in names} - known
    )
    if unknown:
        raise BackupError(
            _(
                "Bản sao lưu được tạo bởi phiên bản phần mềm mới hơn (có migration %(name)s mà "
                "phiên bản này không có). Hãy khôi phục bằng đúng phiên bản đó."
            )
            % {"name": ".".join(unknown[0])}
        )
    if not force and _holds_data(connection):
        raise BackupError(
            _(
                "Cơ sở dữ liệu đích đang có dữ liệu. Khôi phục sẽ thay toàn bộ dữ liệu đó; "
                "nếu chắc chắn, chạy lại với --force."
            )
        )


def _holds_data(connection: BaseDatabaseWrapper) -> bool:
    tables = set(connection.introspection.table_names())
    return any(
        model._default_manager.using(connection.alias).exists()
        for model in apps.get_models()
        if model._meta.db_table in tables and model._meta.label_lower not in MIGRATE_MADE
    )


def _files(
    tar: tarfile.TarFile, manifest: archive.Manifest, storage: Storage, mark: restores.Mark
) -> int:
    try:
        return files.restore_all(tar, manifest.files, storage, mark)
    except BackupError:
        raise
    except Exception as error:  # each storage raises its own kinds (OSError, botocore's)
        raise BackupError(
            _(
                "Không ghi được tệp vào bộ lưu trữ (%(error)s). Cơ sở dữ liệu chưa bị thay đổi; "
                "chạy lại lệnh khôi phục, các tệp đã ghi đúng sẽ được bỏ qua."
            )
            % {"error": error}
        ) from error


def _database(
    tar: tarfile.TarFile,
    manifest: archive.Manifest,
    connection: BaseDatabaseWrapper,
    engine: ModuleType,
) -> None:
    with tempfile.TemporaryDirectory(prefix="dichvucong-restore-") as tmp:
        dump = Path(tmp) / engine.DUMP_NAME
        member = archive.database_member(manifest.database.name)
        with archive.open_member(tar, member) as source, dump.open("wb") as target:
            shutil.copyfileobj(source, target)
        engine.load(connection, dump)


def _migrate(using: str) -> list[str]:
    """A backup from an older version is brought up to this one's schema."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", database=using, interactive=False, verbosity=0)
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def _counts(using: str) -> dict[str, int]:
    return {label: apps.get_model(label)._default_manager.using(using).count() for label in COUNTED}
