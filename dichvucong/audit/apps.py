from django.apps import AppConfig


class AuditConfig(AppConfig):
    verbose_name = "Nhật ký an ninh"
    name = "dichvucong.audit"
    label = "audit"
