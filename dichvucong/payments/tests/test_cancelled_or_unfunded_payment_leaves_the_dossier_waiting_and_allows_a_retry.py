"""A payment the customer cancels (24) or the bank refuses for lack of
funds (51) leaves the dossier waiting in status 6; paying again starts a
new order, which can then succeed."""

from __future__ import annotations

import pytest
import time_machine

from dichvucong.dossiers.constants import Status
from dichvucong.payments.constants import PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import (
    MONDAY_MORNING,
    awaiting_payment,
    page,
    path_of,
    pay_through_sandbox,
)


@pytest.mark.parametrize(
    ("code", "status", "heading"),
    [
        ("24", PaymentStatus.CANCELLED, "Giao dịch đã bị hủy"),
        ("51", PaymentStatus.FAILED, "Thanh toán không thành công"),
    ],
)
def test_a_failed_payment_leaves_status_6_and_a_retry_can_succeed(
    cast, client, code, status, heading
):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = awaiting_payment(cast)
        client.force_login(cast.applicant)

        return_url = pay_through_sandbox(client, dossier, code)

        first = Payment.objects.get(dossier=dossier)
        dossier.refresh_from_db()
        assert first.status == status and first.response_code == code
        assert first.receipt_number is None and first.paid_at is None
        assert dossier.status == Status.AWAITING_PAYMENT and dossier.due_date is None
        shown = page(client.get(path_of(return_url)))
        assert heading in shown and "Thanh toán lại" in shown

        pay_through_sandbox(client, dossier, "00")

        second = Payment.objects.exclude(pk=first.pk).get(dossier=dossier)
        assert second.txn_ref != first.txn_ref
        assert second.status == PaymentStatus.PAID
        first.refresh_from_db()
        assert first.status == status
        dossier.refresh_from_db()
        assert dossier.status == Status.ACCEPTED


def test_the_pay_page_lists_the_failed_attempt_with_the_banks_reason(cast, client):
    dossier = awaiting_payment(cast)
    client.force_login(cast.applicant)
    pay_through_sandbox(client, dossier, "51")
    shown = page(client.get(f"/thanh-toan/ho-so/{dossier.public_id}/"))
    assert "Không thành công" in shown and "không đủ số dư" in shown
