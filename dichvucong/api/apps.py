from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "dichvucong.api"
    label = "api"
    verbose_name = "API"
