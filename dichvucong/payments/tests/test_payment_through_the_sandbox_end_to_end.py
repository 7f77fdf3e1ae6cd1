"""An applicant pays a level-4 fee online through the built-in sandbox: the
IPN marks the payment paid, the dossier is accepted with its due date, the
return page shows success, and the receipt says what was paid."""

from __future__ import annotations

from datetime import date

import time_machine
from django.urls import reverse

from dichvucong.dossiers.constants import Status
from dichvucong.payments.constants import NoticeKind, PaymentStatus, Verdict
from dichvucong.payments.models import GatewayNotice, Payment
from dichvucong.payments.tests.helpers import (
    MONDAY_MORNING,
    answer_in_sandbox,
    awaiting_payment,
    hidden_fields,
    page,
    path_of,
    pdf_text,
    query_of,
    start_payment,
)


def test_an_applicant_pays_online_and_gets_the_dossier_accepted_and_a_receipt(cast, client):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = awaiting_payment(cast)
        client.force_login(cast.applicant)

        pay_page = client.get(reverse("payments:pay", args=[dossier.public_id]))
        assert pay_page.status_code == 200
        assert "24.000 đ" in page(pay_page) and "Thanh toán trực tuyến" in page(pay_page)

        gateway_url = start_payment(client, dossier)
        assert gateway_url.startswith(reverse("payments:sandbox") + "?")
        order = query_of(gateway_url)
        assert order["vnp_Amount"] == "2400000"
        assert order["vnp_OrderInfo"] == f"Thanh toan ho so {dossier.code}"
        payment = Payment.objects.get(dossier=dossier)
        assert order["vnp_TxnRef"] == payment.txn_ref
        assert payment.status == PaymentStatus.PENDING

        bank = client.get(path_of(gateway_url))
        assert "24.000 đ" in page(bank) and dossier.code in page(bank)
        assert hidden_fields(page(bank)) == order

        return_url = answer_in_sandbox(client, gateway_url, "00")

        # The IPN came first: paid before the browser is even back.
        payment.refresh_from_db()
        dossier.refresh_from_db()
        assert payment.status == PaymentStatus.PAID
        assert payment.receipt_number == "BL-2026-000001"
        assert payment.transaction_no and payment.bank_code == "NCB"
        assert dossier.status == Status.ACCEPTED
        assert dossier.due_date == date(2026, 3, 19)
        assert dossier.fee_paid_at is not None
        assert GatewayNotice.objects.get(kind=NoticeKind.IPN).verdict == Verdict.PAID

        shown = client.get(path_of(return_url))
        assert shown.status_code == 200
        assert "Thanh toán thành công" in page(shown) and "BL-2026-000001" in page(shown)
        receipt_url = reverse("payments:receipt", args=[payment.public_id])
        assert receipt_url in page(shown)

        receipt = client.get(receipt_url)
        assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"
        text = pdf_text(receipt.content)
        assert "Biên lai" in text and "BL-2026-000001" in text
        assert "24.000 đ" in text and "Hai mươi bốn nghìn đồng" in text
        assert dossier.code in text and cast.applicant.full_name in text
        assert "THỬ NGHIỆM" in text  # a sandbox receipt never passes for a real one
