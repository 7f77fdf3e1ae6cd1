from django.apps import AppConfig


class RetentionConfig(AppConfig):
    verbose_name = "Lưu giữ dữ liệu"
    name = "dichvucong.retention"
    label = "retention"
