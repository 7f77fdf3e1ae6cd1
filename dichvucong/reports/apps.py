from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "dichvucong.reports"
    label = "reports"
    verbose_name = "Báo cáo thống kê"

    def ready(self) -> None:
        from dichvucong.reports import signals
        from dichvucong.reports.tally import recording

        signals.connect()
        recording.connect()
