"""manage.py create_api_key --agency <unit code> --role <role> --name "..." """

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dichvucong.api import keys
from dichvucong.api.constants import KeyRole
from dichvucong.catalogue.models import Agency


class Command(BaseCommand):
    help = "Tạo khóa API cho một cơ quan; khóa chỉ được in ra một lần."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="Mã đơn vị của cơ quan.")
        parser.add_argument(
            "--role", required=True, choices=list(KeyRole.values), help="Vai trò khóa được dùng."
        )
        parser.add_argument("--name", required=True, help="Tên hệ thống dùng khóa.")

    def handle(self, *args: Any, agency: str, role: str, name: str, **options: Any) -> None:
        found = Agency.objects.filter(unit_code=agency).first()
        if found is None:
            raise CommandError(f"Không có cơ quan với mã đơn vị “{agency}”.")
        if not name.strip():
            raise CommandError("Vui lòng đặt tên cho khóa.")
        key, secret = keys.create_key(found, role, name.strip())
        self.stdout.write(f"Đã tạo khóa {key.prefix} cho {found.name}, vai trò {key.role}.")
        self.stdout.write("Khóa (chỉ hiện một lần, hãy lưu lại ngay):")
        self.stdout.write(secret)
