from django.apps import AppConfig


class CoreConfig(AppConfig):
    verbose_name = "Chung"
    name = "dichvucong.core"
    label = "core"

    def ready(self) -> None:
        from dichvucong.core import lookups

        lookups.register()
