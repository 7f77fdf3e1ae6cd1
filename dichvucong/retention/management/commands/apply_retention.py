from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from dichvucong.retention import service


class Command(BaseCommand):
    help = (
        "Xóa hoặc xóa trắng dữ liệu cá nhân đã quá thời hạn lưu giữ (bản nháp, tệp của hồ sơ "
        "không được tiếp nhận hoặc đã rút, mã dùng một lần, phiên, nội dung thông báo, "
        "nhật ký an ninh, hồ sơ thực hành) và ghi lại số lượng. Hồ sơ đã nộp, kết quả và "
        "nhật ký sự kiện không bao giờ bị xóa."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ đếm những gì sẽ bị xóa, không xóa."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        run, lines = service.apply_retention(dry_run=dry_run)
        heading = _("Sẽ xóa") if dry_run else _("Đã xóa")
        rows = [(_("Loại dữ liệu"), _("Thời hạn (ngày)"), heading)]
        rows += [(str(line.kind.label), str(line.days), str(line.count)) for line in lines]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for number, row in enumerate(rows):
            self.stdout.write(
                f"{row[0].ljust(widths[0])}  {row[1].rjust(widths[1])}  {row[2].rjust(widths[2])}"
            )
            if number == 0:
                self.stdout.write("-" * (sum(widths) + 4))
        total = sum(line.count for line in lines)
        if dry_run:
            summary = _("Chạy thử: không xóa gì. Tổng cộng %(n)d mục đã quá hạn.")
        else:
            summary = _("Tổng cộng %(n)d mục đã được xóa hoặc xóa trắng.")
        self.stdout.write(summary % {"n": total})
