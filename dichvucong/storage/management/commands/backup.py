from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError
from dichvucong.storage.service import backup, default_output


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và mọi tệp đã lưu (đĩa hoặc bucket S3) vào một tệp .tar "
        "có mục lục manifest.json. Không chứa khóa bí mật hay mật khẩu của cấu hình."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Tệp sao lưu sẽ ghi (mặc định: DATA_DIR/backups/…).",
        )
        parser.add_argument("--database", default="default", help="Tên kết nối Django.")

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["output"] or default_output()
        try:
            manifest = backup(output, using=options["database"])
        except (BackupError, OSError) as error:
            raise CommandError(_("Không sao lưu được: %(error)s") % {"error": error}) from error
        size = sum(entry.size for entry in manifest.files)
        done = _(
            "Đã sao lưu vào %(output)s: cơ sở dữ liệu %(vendor)s lúc %(at)s và "
            "%(count)s tệp (%(size)s byte)."
        ) % {
            "output": output,
            "vendor": manifest.vendor,
            "count": len(manifest.files),
            "at": timezone.localtime(manifest.taken_at).isoformat(timespec="seconds"),
            "size": f"{size:,}".replace(",", "."),
        }
        self.stdout.write(self.style.SUCCESS(done))
        self.stdout.write(_("Tệp chứa dữ liệu cá nhân: giữ kín, chép một bản ra ngoài máy chủ."))
