"""manage.py send_to_dvcqg: send the national portal's due messages once,
in order per dossier.

For operators, and for cron where no Celery beat runs (the embedded
default sends each dossier's messages at once after its event; retries
after a failure need this every minute)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from dichvucong.national import client, service
from dichvucong.national.sending import drain


class Command(BaseCommand):
    help = "Gửi các sự kiện hồ sơ đang chờ lên Cổng Dịch vụ công quốc gia."

    def handle(self, *args: Any, **options: Any) -> None:
        if not client.is_configured():
            self.stdout.write("Chưa cấu hình Cổng DVCQG (DVCQG_URL...): không gửi gì.")
            return
        sent = drain()
        counts = service.summary()
        self.stdout.write(
            f"Đã gửi {sent}; còn chờ {counts['pending']}, đang lỗi {counts['failing']}, "
            f"bị từ chối {counts['refused']}."
        )
