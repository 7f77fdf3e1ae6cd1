from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from dichvucong.core.orphans import orphan_names, purge_orphans


class Command(BaseCommand):
    help = (
        "Xóa các tệp đã lưu mà không thuộc hồ sơ, kết quả hay tài liệu nào "
        "(do thao tác bị hủy giữa chừng), chỉ tệp cũ hơn một giờ."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xóa.")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        names = orphan_names() if dry_run else purge_orphans()
        for name in names:
            self.stdout.write(name)
        verb = "Sẽ xóa" if dry_run else "Đã xóa"
        self.stdout.write(f"{verb} {len(names)} tệp.")
