"""manage.py recompute_report CAMPAIGN_ID

Computes a submitted or approved year-end report again from the dossiers
and their events as they are now and compares it with its frozen snapshot
(report_check.py), and checks the snapshot against the digest the district
approved, if any. Prints "Khớp" or one line per difference (where, figure,
frozen, now). Exits 0 when everything matches, 1 when not, 2 when the
campaign has no submitted report. Prints dossier codes and school and
class names only: nobody's name."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dichvucong.outreach import report, report_check
from dichvucong.outreach.models import Campaign


class Command(BaseCommand):
    help = "Tính lại báo cáo cuối năm đã gửi từ hồ sơ và so với số liệu đã chốt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("campaign", type=int, help="Mã (id) chiến dịch.")

    def handle(self, *args: Any, **options: Any) -> None:
        campaign = Campaign.objects.filter(pk=options["campaign"]).first()
        found = report_check.frozen_report(campaign) if campaign else None
        if found is None:
            raise CommandError(
                _("Chiến dịch mã %(id)s không có báo cáo đã gửi.") % {"id": options["campaign"]},
                returncode=2,
            )
        row, frozen = found
        problems = [self._line(d) for d in report_check.differences(campaign, frozen)]
        if report.approval_holds(row) is False:
            problems.append(_("Số liệu đã chốt không còn khớp với mã kiểm tra đã phê duyệt."))
        if not problems:
            self.stdout.write(_("Khớp"))
            return
        self.stdout.write("\n".join(problems))
        raise CommandError(_("Không khớp: %(n)s khác biệt.") % {"n": len(problems)}, returncode=1)

    def _line(self, difference: report_check.Difference) -> str:
        return _("%(where)s – %(figure)s: đã chốt %(frozen)s, hiện nay %(now)s") % vars(difference)
