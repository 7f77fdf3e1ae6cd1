"""manage.py zalo_standin: Zalo's ZNS and OAuth stand-in on a port, for
the demo (`make run` starts it and points ZALO_* at it, so a demo citizen
can choose Zalo on the account page and see the messages go). Prints each
message it takes, phone masked. Never for production."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dichvucong.notifications.zalo_standin import ZaloStandIn


class Command(BaseCommand):
    help = "Chạy máy chủ giả lập Zalo ZNS (chỉ cho bản trình diễn và kiểm thử)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8090)
        parser.add_argument("--app-id", default="demo-app")
        parser.add_argument("--secret", default="demo-secret")
        parser.add_argument("--refresh-token", default="demo-refresh")

    def handle(self, *args: Any, **options: Any) -> None:
        standin = ZaloStandIn(
            app_id=options["app_id"],
            secret_key=options["secret"],
            refresh_token=options["refresh_token"],
            port=options["port"],
            echo=True,
        ).start()
        self.stdout.write(
            f"Zalo ZNS giả lập: ZALO_ZNS_URL={standin.zns_url} ZALO_OAUTH_URL={standin.oauth_url}"
        )
        self.stdout.flush()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            standin.stop()
