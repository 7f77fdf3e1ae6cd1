from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from dichvucong.documents.signing import demo_ca


class Command(BaseCommand):
    help = (
        "Tạo CA thử nghiệm và chứng thư ký số của cơ quan (không có giá trị pháp lý): "
        "không tham số thì là CA của bản trình diễn (SIGNING_DEMO_DIR, tạo một lần); "
        "với --into DIR thì tạo mới vào DIR để thử cấu hình SIGNING_PKCS12_*."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--into", type=Path, help="Thư mục ghi bộ tệp mới.")

    def handle(self, *args: Any, **options: Any) -> None:
        into = options["into"]
        files = demo_ca.issue(into) if into else demo_ca.ensure(Path(settings.SIGNING_DEMO_DIR))
        # The lines an operator copies into the environment to try it.
        self.stdout.write(f"SIGNING_PKCS12_PATH={files.pkcs12}")
        self.stdout.write(f"SIGNING_PKCS12_PASSWORD={files.password}")
        self.stdout.write(f"SIGNING_TRUST_ROOTS={files.root}")
