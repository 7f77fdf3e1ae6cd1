"""manage.py reorganise --date 2025-07-01 [--dry-run]: hand the work of the
agencies that ended the day before to their successors (dossiers/reorganise.py).

The report gives counts per agency and no personal data; run it with
--dry-run first, which writes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dichvucong.dossiers import reorganise


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("Ngày không hợp lệ (YYYY-MM-DD): %s") % value) from None


class Command(BaseCommand):
    help = (
        "Áp dụng một đợt sắp xếp đơn vị hành chính từ ngày --date: chuyển hồ sơ đang giải quyết "
        "và vai trò cán bộ của các cơ quan hết hiệu lực ngày hôm trước sang cơ quan kế thừa. "
        "Chạy --dry-run trước để xem sẽ chuyển những gì."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", required=True, type=_day, help="YYYY-MM-DD")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        day: date = options["date"]
        work = reorganise.plan(day)
        if not work.agencies:
            self.stdout.write(_("Không có cơ quan nào hết hiệu lực ngày %s.") % _before(day))
            return
        self._report(work)
        for line in reorganise.follow(day, dry_run=options["dry_run"]):
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING(_("Chạy thử: chưa ghi gì.")))
            return
        if work.is_empty:
            self.stdout.write(self.style.SUCCESS(_("Không còn hồ sơ hay vai trò nào để chuyển.")))
            return
        outcome = reorganise.apply(work)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Đã chuyển %(moved)d hồ sơ (%(skipped)d bỏ qua vì vừa thay đổi); "
                    "chuyển %(roles_moved)d vai trò, chấm dứt %(roles_ended)d vai trò."
                )
                % vars(outcome)
            )
        )
        for role in outcome.ended_roles:
            self.stdout.write("  " + _("Vai trò đã chấm dứt: %s") % role)

    def _report(self, work: reorganise.Plan) -> None:
        self.stdout.write(
            _("%(count)d cơ quan hết hiệu lực ngày %(day)s.")
            % {"count": len(work.agencies), "day": _before(work.day)}
        )
        for (old, new), count in sorted(work.move_counts().items()):
            self.stdout.write(f"  {old} → {new}: " + _("%d hồ sơ") % count)
        for old, count in sorted(work.undecided_counts().items()):
            self.stdout.write(
                f"  {old}: "
                + _("%d hồ sơ chưa xác định được nơi chuyển, cần người quyết định") % count
            )
        for old, count in sorted(work.drafts.items()):
            self.stdout.write(f"  {old}: " + _("%d bản nháp chưa nộp, không chuyển") % count)
        moved = sum(1 for change in work.roles if change.to_agency is not None)
        self.stdout.write(
            _("Vai trò cán bộ: %(moved)d chuyển sang cơ quan kế thừa, %(ended)d chấm dứt.")
            % {"moved": moved, "ended": len(work.roles) - moved}
        )


def _before(day: date) -> str:
    return (day - reorganise.ONE_DAY).strftime("%d/%m/%Y")
