"""manage.py privacy_records [--check]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dichvucong.privacy import records


class Command(BaseCommand):
    help = (
        "Ghi hồ sơ xử lý dữ liệu cá nhân và hồ sơ đánh giá tác động vào docs/ từ danh mục "
        "trong dichvucong/privacy/registry/ và các thiết lập; với --check, chỉ kiểm tra."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Không ghi; thoát với mã lỗi nếu tệp đã commit khác tệp sinh ra.",
        )

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        if not check:
            for path in records.write():
                self.stdout.write(f"Đã ghi {path}")
            return
        stale = records.stale()
        if stale:
            names = ", ".join(str(path) for path in stale)
            raise CommandError(
                f"{names} đã cũ so với danh mục dữ liệu cá nhân: chạy "
                "`python manage.py privacy_records` rồi commit."
            )
        self.stdout.write("Hồ sơ xử lý và đánh giá tác động đã khớp với danh mục.")
