from django.apps import AppConfig


class AccountsConfig(AppConfig):
    verbose_name = "Tài khoản"
    name = "dichvucong.accounts"
    label = "accounts"

    def ready(self) -> None:
        from dichvucong.accounts import roles, signals  # noqa: F401  (connects the receivers)
