from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dichvucong.catalogue.importer import ImportFailed, import_procedures


class Command(BaseCommand):
    help = "Nhập thủ tục hành chính từ tệp CSV (cột như data/procedures_hanoi.csv)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ kiểm tra tệp, không ghi gì vào cơ sở dữ liệu.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            # utf-8-sig: spreadsheet programs put a byte-order mark in front.
            with path.open(encoding="utf-8-sig", newline="") as stream:
                result = import_procedures(stream, dry_run=options["dry_run"])
        except OSError as error:
            raise CommandError(
                _("Không đọc được tệp %(path)s: %(error)s") % {"path": path, "error": error}
            ) from error
        except UnicodeDecodeError as error:
            raise CommandError(_("Tệp %(path)s không phải UTF-8.") % {"path": path}) from error
        except ImportFailed as failure:
            raise CommandError(
                _("Không nhập thủ tục nào vì tệp có %(n)s lỗi:\n%(errors)s")
                % {"n": len(failure.errors), "errors": failure}
            ) from failure
        summary = _(
            "%(total)s thủ tục: %(created)s mới, %(updated)s cập nhật, %(unchanged)s không đổi."
        ) % {
            "total": result.total,
            "created": len(result.created),
            "updated": len(result.updated),
            "unchanged": len(result.unchanged),
        }
        if options["dry_run"]:
            summary = _("Kiểm tra xong, chưa ghi gì. ") + summary
        self.stdout.write(self.style.SUCCESS(summary))
