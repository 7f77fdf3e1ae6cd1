from django.apps import AppConfig


class AuditConfig(AppConfig):
    verbose_name = "Nhật ký an ninh"
    name = "dichvucong.audit"
    label = "audit"

    def ready(self) -> None:
        from dichvucong.audit import signals  # noqa: F401  (connects the receivers)
