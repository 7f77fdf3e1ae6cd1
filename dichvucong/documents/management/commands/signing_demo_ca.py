from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dichvucong.documents.signing import demo_ca


class Command(BaseCommand):
    help = (
        "Tạo CA thử nghiệm và chứng thư ký số của cơ quan (không có giá trị pháp lý): "
        "không tham số thì là CA của bản trình diễn (SIGNING_DEMO_DIR, tạo một lần); "
        "với --into DIR thì tạo mới vào DIR để thử cấu hình SIGNING_PKCS12_*; "
        "mỗi --agency MÃ=TÊN thêm chứng thư riêng của một cơ quan (SIGNING_AGENCY_PKCS12)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--into", type=Path, help="Thư mục ghi bộ tệp mới.")
        parser.add_argument(
            "--agency",
            action="append",
            default=[],
            metavar="MÃ=TÊN",
            help="Mã đơn vị và tên cơ quan, ví dụ T.KM='UBND phường Khương Mai'.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        pairs = [given.partition("=") for given in options["agency"]]
        agencies = [(code.strip(), name.strip()) for code, _, name in pairs]
        if any(not code or not name for code, name in agencies):
            raise CommandError("--agency MÃ=TÊN, ví dụ --agency T.KM='UBND phường Khương Mai'")
        into = options["into"]
        folder = into or Path(settings.SIGNING_DEMO_DIR)
        files = demo_ca.issue(into) if into else demo_ca.ensure(folder)
        made = {code: demo_ca.ensure_agency(folder, code, name) for code, name in agencies}
        if None in made.values():
            raise CommandError(
                f"CA thử nghiệm trong {folder} được tạo trước khi có chứng thư riêng của "
                "cơ quan (không giữ khoá của CA): dùng --into để tạo bộ mới."
            )
        # The lines an operator copies into the environment to try it.
        self.stdout.write(f"SIGNING_PKCS12_PATH={files.pkcs12}")
        self.stdout.write(f"SIGNING_PKCS12_PASSWORD={files.password}")
        self.stdout.write(f"SIGNING_TRUST_ROOTS={files.root}")
        if made:
            paths = "; ".join(f"{code}={path}" for code, path in made.items())
            passwords = "; ".join(f"{code}={files.password}" for code in made)
            self.stdout.write(f'SIGNING_AGENCY_PKCS12="{paths}"')
            self.stdout.write(f'SIGNING_AGENCY_PKCS12_PASSWORDS="{passwords}"')
