from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dichvucong.storage import BackupError, restores
from dichvucong.storage.orphans import purge_orphans


class Command(BaseCommand):
    help = (
        "Xóa các tệp đã lưu mà không thuộc hồ sơ, kết quả hay tài liệu nào "
        "(do thao tác bị hủy giữa chừng), chỉ tệp cũ hơn một giờ. Sau một lần khôi phục, "
        "tệp mới hơn bản sao lưu được để riêng vào thư mục recovery/, không xóa."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xóa.")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        try:
            sweep = purge_orphans(dry_run=dry_run)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in sweep.deleted:
            self.stdout.write(name)
        verb = "Sẽ xóa" if dry_run else "Đã xóa"
        self.stdout.write(f"{verb} {len(sweep.deleted)} tệp.")
        if sweep.set_aside:
            self._set_aside(sweep.set_aside, dry_run)

    def _set_aside(self, moves: dict[str, str], dry_run: bool) -> None:
        message = (
            _("Sẽ để riêng %(n)s tệp mới hơn bản sao lưu đã khôi phục (không xóa)")
            if dry_run
            else _("Đã để riêng %(n)s tệp mới hơn bản sao lưu đã khôi phục (không xóa)")
        )
        folders = sorted({new.split("/")[1] for new in moves.values()})
        where = ", ".join(
            restores.location(default_storage, f"{restores.RECOVERY}/{folder}")
            for folder in folders
        )
        self.stdout.write(
            self.style.WARNING(
                message % {"n": len(moves)}
                + _(
                    ": cơ sở dữ liệu không còn dòng nào trỏ tới chúng. Xem và lấy lại tại %(where)s"
                )
                % {"where": where}
            )
        )
        for name, new in moves.items():
            self.stdout.write(f"{name} -> {new}")
