"""manage.py create_pupil_accounts --school ID: the logins a school hands
its pupil ambassadors on paper, printed once (passwords are not kept)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dichvucong.outreach.models import Pupil, School
from dichvucong.outreach.practice import create_pupil_account


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
        issued = sum(self._issue(pupil, options["reset"]) for pupil in pupils)
        self.stdout.write(f"Đã cấp {issued} tài khoản.")

    def _issue(self, pupil: Pupil, reset: bool) -> bool:
        """Print one pupil's login; pupils refused are listed on stderr."""
        who = f"{pupil.school_class.name}\t{pupil.full_name}"
        if pupil.ambassadorships.exclude(user=None).exists() and not reset:
            self.stderr.write(f"{who}: đã có tài khoản (dùng --reset để cấp lại mật khẩu)")
            return False
        try:
            login = create_pupil_account(pupil, by=None)
        except ValidationError as error:
            self.stderr.write(f"{who}: {error.messages[0]}")
            return False
        self.stdout.write(f"{who}\t{login.username}\t{login.password}")
        return True
