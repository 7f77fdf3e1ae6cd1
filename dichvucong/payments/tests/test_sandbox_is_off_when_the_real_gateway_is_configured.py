"""With PAYMENT_GATEWAY=vnpay the sandbox does not exist (it would let
anyone mark their own payment paid), and orders go to VNPay's address."""

from __future__ import annotations

import pytest

from dichvucong.payments import conf
from dichvucong.payments.conf import PaymentConfig
from dichvucong.payments.constants import GatewayName
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import query_of, signed, start_payment

VNPAY_URL = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"


@pytest.fixture
def real_gateway(monkeypatch):
    real = PaymentConfig(
        gateway="vnpay", tmn_code="REAL0001", hash_secret="real-secret", url=VNPAY_URL
    )
    monkeypatch.setattr(conf, "config", lambda: real)
    return real


def test_orders_go_to_vnpay_and_the_sandbox_is_404(cast, client, dossier, real_gateway):
    client.force_login(cast.applicant)
    url = start_payment(client, dossier)
    assert url.startswith(VNPAY_URL + "?")
    assert query_of(url)["vnp_TmnCode"] == "REAL0001"
    assert Payment.objects.get().gateway == GatewayName.VNPAY
    order = {k: v for k, v in query_of(url).items() if k != "vnp_SecureHash"}
    assert client.get("/thanh-toan/sandbox/", signed(order, "real-secret")).status_code == 404
