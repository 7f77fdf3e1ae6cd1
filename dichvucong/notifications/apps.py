from __future__ import annotations

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "dichvucong.notifications"
    label = "notifications"
    verbose_name = "Thông báo"

    def ready(self) -> None:
        from dichvucong.dossiers.signals import agency_changed, status_changed
        from dichvucong.notifications import service, sms

        # Resolve the SMS provider now so that a wrong SMS_PROVIDER stops the
        # start-up instead of failing every message later.
        sms.get_provider()
        status_changed.connect(service.on_status_changed, dispatch_uid="notifications.outbox")
        agency_changed.connect(service.on_status_changed, dispatch_uid="notifications.transfer")
