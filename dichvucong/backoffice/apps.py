from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "dichvucong.backoffice"
    label = "backoffice"
    verbose_name = "Bộ phận Một cửa"
