from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError, restores
from dichvucong.storage.service import Restored, restore

WORDS = {
    "dossiers.dossier": "hồ sơ",
    "dossiers.event": "sự kiện",
    "dossiers.attachment": "tệp đính kèm",
    "dossiers.resultdocument": "kết quả",
    "accounts.user": "tài khoản",
}


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của lệnh backup: kiểm tra mục lục và mã SHA-256, ghi lại "
        "các tệp rồi thay cơ sở dữ liệu. Từ chối cơ sở dữ liệu đang có dữ liệu nếu không có "
        "--force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="Thay cả cơ sở dữ liệu đang có dữ liệu."
        )
        parser.add_argument("--database", default="default", help="Tên kết nối Django.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = restore(options["file"], using=options["database"], force=options["force"])
        except (BackupError, OSError) as error:
            raise CommandError(_("Không khôi phục được: %(error)s") % {"error": error}) from error
        self._report(done)

    def _report(self, done: Restored) -> None:
        taken = timezone.localtime(done.manifest.taken_at).isoformat(timespec="seconds")
        counts = ", ".join(f"{done.counts[label]} {word}" for label, word in WORDS.items())
        restored = _(
            "Đã khôi phục bản sao lưu lúc %(taken)s: %(counts)s; %(files)s tệp "
            "(%(written)s tệp ghi mới, còn lại đã có sẵn đúng nội dung)."
        ) % {
            "taken": taken,
            "counts": counts,
            "files": len(done.manifest.files),
            "written": done.files_written,
        }
        self.stdout.write(self.style.SUCCESS(restored))
        if done.migrated:
            self.stdout.write(
                _("Đã nâng cấp cơ sở dữ liệu lên phiên bản hiện tại: %(names)s.")
                % {"names": ", ".join(done.migrated)}
            )
        recovery = restores.location(default_storage, restores.RECOVERY)
        self.stdout.write(
            _(
                "Tệp tải lên sau lúc sao lưu không còn trong cơ sở dữ liệu: purge_orphan_files sẽ "
                "để riêng chúng vào %(recovery)s (không xóa) và liệt kê. Chạy manage.py "
                "verify_events để kiểm tra chuỗi sự kiện."
            )
            % {"recovery": recovery}
        )
