"""manage.py rebuild_statistics [--check]: count the statistics again from
the dossiers (after an upgrade, a bulk load, or to repair), or only check
that the kept counts equal a direct count, year by year."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from dichvucong.reports.tally import compaction, verify
from dichvucong.reports.tally.rebuild import rebuild


class Command(BaseCommand):
    help = (
        "Tính lại số liệu thống kê từ hồ sơ (sau khi nâng cấp, nạp dữ liệu hàng loạt), "
        "hoặc với --check chỉ đối chiếu số liệu đã tính với cách đếm trực tiếp."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--check", action="store_true",
            help="Chỉ đối chiếu, không tính lại; thoát với mã lỗi nếu có chênh lệch.",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["check"]:
            return self._check()
        started = time.monotonic()
        counted = rebuild()
        seconds = time.monotonic() - started
        self.stdout.write(f"Đã tính lại số liệu của {counted} hồ sơ trong {seconds:.1f} giây.")

    def _check(self) -> None:
        compaction.compact_all()
        lines = verify.check_all()
        for line in lines:
            self.stderr.write(line)
        if lines:
            raise CommandError(
                f"{len(lines)} dòng số liệu khác với cách đếm trực tiếp: "
                "chạy manage.py rebuild_statistics để tính lại."
            )
        self.stdout.write("Số liệu đã tính khớp với cách đếm trực tiếp ở mọi năm.")
