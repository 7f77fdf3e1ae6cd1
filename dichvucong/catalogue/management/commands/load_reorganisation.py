from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dichvucong.catalogue.reorganisation import ReorganisationError, load_reorganisation


class Command(BaseCommand):
    help = (
        "Nạp một đợt sắp xếp đơn vị hành chính (đơn vị, cơ quan mới, đơn vị kế thừa) từ tệp JSON "
        "như catalogue/data/reorganisation_2025_thanh_xuan.json. Không chuyển hồ sơ nào."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            with path.open(encoding="utf-8") as stream:
                data = json.load(stream)
            changes = load_reorganisation(data)
        except (OSError, ValueError) as error:
            raise CommandError(
                _("Không đọc được tệp %(path)s: %(error)s") % {"path": path, "error": error}
            ) from error
        except ReorganisationError as error:
            raise CommandError(str(error)) from error
        if not changes:
            self.stdout.write(self.style.SUCCESS(_("Đã nạp từ trước, không có gì thay đổi.")))
            return
        for what, count in sorted(changes.items()):
            self.stdout.write(f"{what}: {count}")
        self.stdout.write(self.style.SUCCESS(_("Đã nạp đợt sắp xếp.")))
