"""manage.py revoke_api_key <prefix>"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dichvucong.api import keys


class Command(BaseCommand):
    help = "Thu hồi khóa API theo tiền tố (8 ký tự)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("prefix", help="Tiền tố của khóa, ví dụ ab12cd34.")

    def handle(self, *args: Any, prefix: str, **options: Any) -> None:
        key = keys.revoke(prefix.strip())
        if key is None:
            raise CommandError(f"Không có khóa với tiền tố “{prefix}”.")
        self.stdout.write(f"Đã thu hồi khóa {key.prefix} ({key.name}).")
