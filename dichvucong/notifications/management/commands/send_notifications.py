"""manage.py send_notifications: send every due message of the outbox once.

For operators, and for cron where no Celery beat runs (the embedded default
sends at once after each change, but retries need this every minute)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from dichvucong.notifications.sending import drain_outbox


class Command(BaseCommand):
    help = "Gửi các thông báo (thư điện tử, SMS) đang chờ trong hộp thư đi."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = drain_outbox()
        self.stdout.write(f"Đã gửi {sent} thông báo.")
