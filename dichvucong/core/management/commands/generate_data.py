from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.demo.bulk import Plan, Summary, generate


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu thử ở quy mô lớn: hồ sơ mọi trạng thái, sự kiện, tệp, thanh toán, "
        "đánh giá, chiến dịch đại sứ số. Thêm vào dữ liệu đã có (chạy load_demo trước nếu muốn)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dossiers", type=int, required=True)
        parser.add_argument("--years", type=int, default=3)
        parser.add_argument("--seed", type=int, default=766)
        parser.add_argument(
            "--writer",
            choices=("auto", "copy", "insert"),
            default="auto",
            help="auto: COPY trên PostgreSQL, INSERT nhiều dòng trên SQLite.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dossiers"] < 1 or options["years"] < 1:
            raise CommandError(_("Số hồ sơ và số năm phải lớn hơn 0."))
        plan = Plan(options["dossiers"], options["years"], options["seed"], timezone.now())
        self.started = time.perf_counter()
        try:
            summary = generate(plan, writer=options["writer"], progress=self._progress)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self._summary(summary)

    def _progress(self, done: int, total: int) -> None:
        seconds = time.perf_counter() - self.started
        self.stdout.write(
            _("%(done)s/%(total)s hồ sơ, %(seconds).0f giây")
            % {"done": done, "total": total, "seconds": seconds}
        )

    def _summary(self, summary: Summary) -> None:
        width = max(len(table) for table in summary.rows)
        for table, count in summary.rows.items():
            self.stdout.write(f"  {table:{width}}  {count:>10,}")
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã sinh %(rows)s dòng trong %(seconds).1f giây.")
                % {"rows": sum(summary.rows.values()), "seconds": summary.seconds}
            )
        )
