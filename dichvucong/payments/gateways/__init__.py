"""The online gateway in use, chosen by PAYMENT_GATEWAY. The built-in
sandbox speaks the VNPay protocol too, so both modes use VNPayGateway; only
the payment page address and the name stored on payments differ."""

from __future__ import annotations

from dichvucong.payments import conf
from dichvucong.payments.gateways.vnpay import VNPayGateway


def online_gateway() -> VNPayGateway:
    return VNPayGateway(conf.config())
