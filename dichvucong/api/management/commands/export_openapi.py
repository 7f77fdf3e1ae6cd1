"""manage.py export_openapi [--check]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dichvucong.api import openapi


class Command(BaseCommand):
    help = (
        "Ghi tài liệu OpenAPI của API vào dichvucong/api/openapi.json; với --check, "
        "chỉ kiểm tra tệp đã commit có khớp với mã nguồn không."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Không ghi; thoát với mã lỗi nếu tệp đã commit khác tài liệu sinh ra.",
        )

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        if not check:
            path = openapi.write()
            self.stdout.write(f"Đã ghi {path}")
            return
        if not openapi.is_current():
            raise CommandError(
                f"{openapi.COMMITTED} đã cũ so với mã nguồn API: chạy "
                "`python manage.py export_openapi` rồi commit tệp này."
            )
        self.stdout.write("Tài liệu OpenAPI đã khớp với mã nguồn.")
