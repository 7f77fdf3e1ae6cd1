"""manage.py create_api_key --agency <unit code> --role <role> --name "..." [--days N]

The admin (API keys) does the same for administrators without a shell."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dichvucong.api import keys
from dichvucong.api.constants import KEY_DEFAULT_DAYS, KEY_MAX_DAYS, KeyRole
from dichvucong.catalogue.models import Agency


class Command(BaseCommand):
    help = "Tạo khóa API cho một cơ quan; khóa chỉ được in ra một lần."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="Mã đơn vị của cơ quan.")
        parser.add_argument(
            "--role", required=True, choices=list(KeyRole.values), help="Vai trò khóa được dùng."
        )
        parser.add_argument("--name", required=True, help="Tên hệ thống dùng khóa.")
        parser.add_argument(
            "--days",
            type=int,
            default=KEY_DEFAULT_DAYS,
            help=f"Số ngày khóa còn hiệu lực (mặc định {KEY_DEFAULT_DAYS}, tối đa {KEY_MAX_DAYS}).",
        )

    def handle(
        self, *args: Any, agency: str, role: str, name: str, days: int, **options: Any
    ) -> None:
        found = Agency.objects.filter(unit_code=agency).first()
        if found is None:
            raise CommandError(f"Không có cơ quan với mã đơn vị “{agency}”.")
        if not name.strip():
            raise CommandError("Vui lòng đặt tên cho khóa.")
        expires_at = timezone.now() + timedelta(days=days)
        problem = keys.check_expiry(expires_at)
        if problem:
            raise CommandError(problem)
        key, secret = keys.create_key(found, role, name.strip(), expires_at)
        self.stdout.write(
            f"Đã tạo khóa {key.prefix} cho {found.name}, vai trò {key.role}, "
            f"hết hạn lúc {timezone.localtime(key.expires_at):%d/%m/%Y %H:%M}."
        )
        self.stdout.write("Khóa (chỉ hiện một lần, hãy lưu lại ngay):")
        self.stdout.write(secret)
