from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    verbose_name = "Bảo vệ dữ liệu cá nhân"
    name = "dichvucong.privacy"
    label = "privacy"

    def ready(self) -> None:
        from dichvucong.dossiers.signals import status_changed
        from dichvucong.privacy.receivers import on_status_changed

        status_changed.connect(on_status_changed, dispatch_uid="privacy-notice-at-submission")
