"""The sandbox refuses what VNPay refuses: a bad signature, another
merchant's code, malformed data; and answers 11 once the order expired."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.urls import reverse

from dichvucong.dossiers.constants import Status
from dichvucong.payments.constants import PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import (
    MONDAY_MORNING,
    awaiting_payment,
    hidden_fields,
    page,
    path_of,
    query_of,
    signed,
    start_payment,
)

SANDBOX = "/thanh-toan/sandbox/"


def _order(cast, client) -> dict[str, str]:
    client.force_login(cast.applicant)
    return query_of(start_payment(client, awaiting_payment(cast)))


def test_a_changed_amount_is_refused_with_the_gateways_error_page(cast, client):
    order = {**_order(cast, client), "vnp_Amount": "100"}
    response = client.get(SANDBOX, order)
    assert response.status_code == 400 and "Sai chữ ký" in page(response)


def test_another_merchant_code_is_refused(cast, client):
    order = _order(cast, client)
    order.pop("vnp_SecureHash")
    response = client.get(SANDBOX, signed({**order, "vnp_TmnCode": "OTHER001"}))
    assert response.status_code == 400 and "mã website không hợp lệ" in page(response)


def test_an_order_missing_its_return_url_is_refused(cast, client):
    order = _order(cast, client)
    order.pop("vnp_SecureHash")
    order.pop("vnp_ReturnUrl")
    response = client.get(SANDBOX, signed(order))
    assert response.status_code == 400 and "không đúng định dạng" in page(response)


def test_a_return_url_on_another_site_is_refused(cast, client):
    order = _order(cast, client)
    order.pop("vnp_SecureHash")
    evil = signed({**order, "vnp_ReturnUrl": "https://evil.example/steal"})
    response = client.post(SANDBOX, {**evil, "code": "00"})
    assert response.status_code == 400
    assert Payment.objects.get().status == PaymentStatus.PENDING


def test_a_code_from_the_list_of_other_answers_is_sent(cast, client):
    order = _order(cast, client)
    response = client.post(SANDBOX, {**order, "code": "other", "other_code": "75"})
    assert response.status_code == 302
    assert query_of(response["Location"])["vnp_ResponseCode"] == "75"
    assert Payment.objects.get().status == PaymentStatus.FAILED


def test_an_unknown_answer_shows_the_bank_page_again(cast, client):
    order = _order(cast, client)
    response = client.post(SANDBOX, {**order, "code": "other", "other_code": "42"})
    assert response.status_code == 400 and "24.000 đ" in page(response)
    assert Payment.objects.get().status == PaymentStatus.PENDING


def test_an_expired_order_is_answered_11_whatever_is_pressed(cast, client):
    with time_machine.travel(MONDAY_MORNING, tick=False) as clock:
        client.force_login(cast.applicant)
        dossier = awaiting_payment(cast)
        gateway_url = start_payment(client, dossier)
        form = hidden_fields(page(client.get(path_of(gateway_url))))
        clock.shift(timedelta(minutes=16))
        response = client.post(reverse("payments:sandbox"), {**form, "code": "00"})
    assert query_of(response["Location"])["vnp_ResponseCode"] == "11"
    assert Payment.objects.get().status == PaymentStatus.FAILED
    dossier.refresh_from_db()
    assert dossier.status == Status.AWAITING_PAYMENT
