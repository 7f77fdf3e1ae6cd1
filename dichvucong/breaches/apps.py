from django.apps import AppConfig


class BreachesConfig(AppConfig):
    verbose_name = "Sự cố dữ liệu cá nhân"
    name = "dichvucong.breaches"
    label = "breaches"
