from __future__ import annotations

from django.urls import path

from dichvucong.payments import views, views_gateway, views_sandbox

app_name = "payments"
urlpatterns = [
    path("ho-so/<uuid:public_id>/", views.pay, name="pay"),
    path("quay/<uuid:public_id>/", views.counter, name="counter"),
    path("bien-lai/<uuid:public_id>.pdf", views.receipt, name="receipt"),
    # The paths VNPay is configured with: no trailing slash, as registered.
    path("vnpay/ipn", views_gateway.vnpay_ipn, name="vnpay_ipn"),
    path("vnpay/return", views_gateway.vnpay_return, name="vnpay_return"),
    path("sandbox/", views_sandbox.bank, name="sandbox"),
]
