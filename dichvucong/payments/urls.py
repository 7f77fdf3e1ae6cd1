from __future__ import annotations

from django.urls import path

from dichvucong.payments.views import bank, gateway, pay, sandbox

app_name = "payments"
urlpatterns = [
    path("ho-so/<uuid:public_id>/", pay.pay, name="pay"),
    path("quay/<uuid:public_id>/", pay.counter, name="counter"),
    path("bien-lai/<uuid:public_id>.pdf", pay.receipt, name="receipt"),
    path("doi-soat/", bank.statement, name="statement"),
    # The paths VNPay is configured with: no trailing slash, as registered.
    path("vnpay/ipn", gateway.vnpay_ipn, name="vnpay_ipn"),
    path("vnpay/return", gateway.vnpay_return, name="vnpay_return"),
    path("sandbox/", sandbox.bank, name="sandbox"),
]
