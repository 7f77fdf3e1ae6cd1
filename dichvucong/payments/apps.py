from __future__ import annotations

from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "dichvucong.payments"
    label = "payments"
    verbose_name = "Thanh toán"

    def ready(self) -> None:
        # Read the payment settings now, so a bad value stops the start-up
        # instead of the first citizen who tries to pay.
        from dichvucong.payments import bank_transfer, conf

        conf.config()
        bank_transfer.check_settings()
