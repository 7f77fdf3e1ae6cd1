from __future__ import annotations

from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "dichvucong.national"
    label = "national"
    verbose_name = "Cổng Dịch vụ công quốc gia"

    def ready(self) -> None:
        from dichvucong.dossiers.signals import agency_changed, due_date_extended, status_changed
        from dichvucong.national import service

        status_changed.connect(service.on_status_changed, dispatch_uid="national.outbox")
        due_date_extended.connect(service.on_due_date_extended, dispatch_uid="national.outbox")
        agency_changed.connect(service.on_agency_changed, dispatch_uid="national.outbox")
