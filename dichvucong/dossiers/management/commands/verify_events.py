"""manage.py verify_events: check every dossier's event chain."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from dichvucong.dossiers.events import verify
from dichvucong.dossiers.models import Dossier


class Command(BaseCommand):
    help = "Kiểm tra nhật ký sự kiện của mọi hồ sơ; báo lỗi nếu có sự kiện bị sửa hoặc xóa."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        broken = 0
        checked = 0
        for dossier in Dossier.objects.exclude(event_count=0, last_event_hash="").iterator():
            checked += 1
            for problem in verify(dossier):
                broken += 1
                label = dossier.code or f"#{dossier.pk}"
                self.stderr.write(f"{label}: {problem}")
        if broken:
            raise CommandError(f"Phát hiện {broken} lỗi trong nhật ký sự kiện.")
        self.stdout.write(f"Đã kiểm tra {checked} hồ sơ: nhật ký nguyên vẹn.")
