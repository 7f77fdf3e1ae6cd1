from django.apps import AppConfig


class RightsConfig(AppConfig):
    verbose_name = "Quyền của chủ thể dữ liệu"
    name = "dichvucong.rights"
    label = "rights"
