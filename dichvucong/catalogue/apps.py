from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    verbose_name = "Danh mục"
    name = "dichvucong.catalogue"
    label = "catalogue"

    def ready(self) -> None:
        from dichvucong.catalogue import signals

        signals.connect()
