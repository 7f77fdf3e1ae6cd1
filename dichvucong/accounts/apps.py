from django.apps import AppConfig


class AccountsConfig(AppConfig):
    verbose_name = "Tài khoản"
    name = "dichvucong.accounts"
    label = "accounts"
