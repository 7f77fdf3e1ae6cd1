from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from dichvucong.demo import DEMO_PASSWORD, DemoReport, load_demo
from dichvucong.documents import signing
from dichvucong.documents.signing import demo_ca


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu quận Thanh Xuân (chạy lại nhiều lần vẫn an toàn)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Đặt lại mật khẩu mẫu cho các tài khoản mẫu đã có.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo(reset_passwords=options["reset_passwords"])
        self.stdout.write(self._summary(report))
        if signing.is_demo():
            # Made by the first signature if the demo issued none.
            files = demo_ca.ensure(settings.SIGNING_DEMO_DIR)
            self.stdout.write(
                _("Văn bản được ký số bằng CA THỬ NGHIỆM của máy này: %(root)s")
                % {"root": files.root}
            )
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                _(
                    "Tài khoản mẫu, CHỈ dùng để trình diễn; không dùng khi triển khai thật. "
                    "Mật khẩu chung: %(password)s"
                )
                % {"password": DEMO_PASSWORD}
            )
        )
        self.stdout.write(self._accounts_table(report))

    def _summary(self, report: DemoReport) -> str:
        created = sum(report.tally.created.values()) + len(report.procedures.created)
        updated = sum(report.tally.updated.values()) + len(report.procedures.updated)
        if not created and not updated:
            return _("Dữ liệu mẫu đã có sẵn, không thay đổi gì.")
        return _("Dữ liệu mẫu: tạo mới %(created)s, cập nhật %(updated)s bản ghi.") % {
            "created": created,
            "updated": updated,
        }

    def _accounts_table(self, report: DemoReport) -> str:
        header = (_("Vai trò"), _("Tên đăng nhập"), _("Mật khẩu"), _("Đơn vị"))
        rows = [header] + [
            (account.role, account.username, DEMO_PASSWORD, account.unit)
            for account in report.accounts
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        lines = [
            "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
            + "  "
            + row[3]
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * width for width in [*widths, len(header[3])]))
        return "\n".join(lines)
