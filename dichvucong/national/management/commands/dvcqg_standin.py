"""manage.py dvcqg_standin: the national portal's stand-in on a port, for
the demo (`make run` starts it and points DVCQG_* at it). Prints each
message it takes; GET / lists them as JSON. Never for production: it
takes whatever the demo's credentials send."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dichvucong.national.standin import PortalStandIn


class Command(BaseCommand):
    help = "Chạy máy chủ giả lập Cổng DVCQG (chỉ cho bản trình diễn và kiểm thử)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8089)
        parser.add_argument("--username", default="dichvucong")
        parser.add_argument("--password", default="demo-secret")

    def handle(self, *args: Any, **options: Any) -> None:
        standin = PortalStandIn(
            username=options["username"],
            password=options["password"],
            port=options["port"],
            echo=True,
        ).start()
        self.stdout.write(
            f"Cổng DVCQG giả lập: DVCQG_URL={standin.sync_url} DVCQG_AUTH_URL={standin.auth_url}",
        )
        self.stdout.flush()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            standin.stop()
