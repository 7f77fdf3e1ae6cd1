"""manage.py verify_events: check every dossier's event chain.

Each break is one line naming the dossier (its code), the event and what is
wrong; any break makes the command exit non-zero."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from dichvucong.dossiers.events import KEYED, verify
from dichvucong.dossiers.models import Dossier


class Command(BaseCommand):
    help = (
        "Kiểm tra nhật ký sự kiện của mọi hồ sơ; báo hồ sơ, số sự kiện và lỗi "
        "(bị sửa, bị xóa, sai liên kết, bị cắt) nếu chuỗi không còn nguyên vẹn."
    )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        broken = checked = 0
        dossiers = Dossier.objects.exclude(event_count=0, last_event_hash="").order_by("pk")
        for dossier in dossiers.iterator():
            checked += 1
            label = dossier.code or f"#{dossier.pk}"
            for found in verify(dossier):
                broken += 1
                self.stderr.write(f"{label}, {found}")
        if broken:
            raise CommandError(f"Phát hiện {broken} lỗi trong nhật ký sự kiện.")
        self.stdout.write(f"Đã kiểm tra {checked} hồ sơ: nhật ký nguyên vẹn.")
        unkeyed = dossiers.exclude(last_event_hash__startswith=KEYED).count()
        if unkeyed:
            self.stdout.write(
                f"{unkeyed} hồ sơ có chuỗi ghi trước khi có EVENT_LOG_KEY (SHA-256 không khóa): "
                "được bảo vệ trước việc sửa lẻ, chưa trước việc tính lại cả chuỗi."
            )
