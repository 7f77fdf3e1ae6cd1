"""manage.py outreach_report --campaign ID --format xlsx|pdf --output FILE

The year-end report of one campaign as a file, the same one the pages
offer: the frozen report once it has been submitted (and so once it is
approved), the live figures while it is a draft. Pupils' names are left out
unless --with-names is given: the file leaves the system, and the district
needs the counts; the school and the education office have the names.
--cach-xem hien-nay|tai-thoi-diem chooses the wards of the dossiers-by-ward
table as the page's switch does (the same default)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from dichvucong.outreach import report, report_exports, report_wards
from dichvucong.outreach.models import Campaign
from dichvucong.reports.unitmap import VIEWS

WRITERS = {"xlsx": report_exports.xlsx_bytes, "pdf": report_exports.pdf_bytes}


class Command(BaseCommand):
    help = "Xuất báo cáo cuối năm của một chiến dịch tuyên truyền ra tệp XLSX hoặc PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--campaign", type=int, required=True, help="Mã (id) chiến dịch.")
        parser.add_argument("--format", choices=sorted(WRITERS), required=True)
        parser.add_argument("--output", type=Path, required=True, help="Đường dẫn tệp ghi ra.")
        parser.add_argument(
            "--with-names",
            action="store_true",
            help="Ghi cả họ tên và lớp của học sinh trong danh sách khen thưởng.",
        )
        parser.add_argument(
            "--cach-xem",
            choices=VIEWS,
            help="Bảng hồ sơ theo phường: hien-nay (phường hiện nay) hoặc tai-thoi-diem "
            "(phường tại thời điểm nộp hồ sơ); mặc định như trang báo cáo.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        campaign = Campaign.objects.filter(pk=options["campaign"]).first()
        if campaign is None:
            raise CommandError(_("Không có chiến dịch mã %(id)s.") % {"id": options["campaign"]})
        shown = report.present_all(campaign, with_names=options["with_names"])
        wards = report_wards.ward_table(shown, options["cach_xem"], timezone.localdate())
        output: Path = options["output"]
        try:
            output.write_bytes(WRITERS[options["format"]](shown, wards))
        except OSError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Đã ghi %(path)s (%(state)s).")
            % {"path": output, "state": report_exports.state_line(shown)}
        )
