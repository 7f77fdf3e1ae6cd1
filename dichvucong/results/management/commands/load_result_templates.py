"""manage.py load_result_templates [--replace]: the procedures' result
templates from results/data/result_templates.json."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dichvucong.results.template_data import load_templates


class Command(BaseCommand):
    help = "Nạp mẫu kết quả giải quyết của các thủ tục (results/data/result_templates.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace", action="store_true", help="Ghi đè cả mẫu đã có (mất phần đã sửa)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        written = load_templates(replace=options["replace"])
        self.stdout.write(f"Đã nạp {written} mẫu kết quả.")
