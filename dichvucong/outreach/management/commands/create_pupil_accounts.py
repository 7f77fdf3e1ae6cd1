"""manage.py create_pupil_accounts --school ID: the logins a school hands
its pupil ambassadors on paper, printed once (passwords are not kept). The
class page issues them the same way (practice.issue_pupil_logins)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dichvucong.outreach.models import Pupil, School
from dichvucong.outreach.practice import issue_pupil_logins


def _who(pupil: Pupil) -> str:
    return f"{pupil.school_class.name}\t{pupil.full_name}"


class Command(BaseCommand):
    help = (
        "Tạo tài khoản đăng nhập cho học sinh của một trường (đã có đồng ý của phụ huynh "
        "và tổ dân phố hỗ trợ), in tên đăng nhập và mật khẩu để phát cho học sinh."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--school", type=int, required=True, help="Mã (id) của trường")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Đặt mật khẩu mới cho cả học sinh đã có tài khoản (khi mất phiếu)",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        school = School.objects.filter(pk=options["school"]).first()
        if school is None:
            raise CommandError(f"Không có trường có mã {options['school']}.")
        pupils = Pupil.objects.filter(school_class__school=school, erased_at__isnull=True)
        pupils = pupils.select_related("school_class").order_by("school_class__name", "full_name")
        self.stdout.write(f"{school.name}\nLớp\tHọ và tên\tTên đăng nhập\tMật khẩu")
        done = issue_pupil_logins(pupils, by=None, reset=options["reset"])
        for login in done.issued:
            self.stdout.write(f"{_who(login.pupil)}\t{login.username}\t{login.password}")
        for pupil in done.existing:
            self.stderr.write(f"{_who(pupil)}: đã có tài khoản (dùng --reset để cấp lại mật khẩu)")
        for pupil, reason in done.refused:
            self.stderr.write(f"{_who(pupil)}: {reason}")
        self.stdout.write(f"Đã cấp {len(done.issued)} tài khoản.")
