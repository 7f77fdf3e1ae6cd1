from __future__ import annotations

from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "dichvucong.results"
    label = "results"
    verbose_name = "Kết quả điện tử"

    def ready(self) -> None:
        from dichvucong.dossiers.signals import status_changed
        from dichvucong.results import service

        status_changed.connect(service.on_status_changed, dispatch_uid="results.issue")
