"""Importing the bank's statement: a line naming a pending transfer's
reference with its amount pays it, through the same confirmation as the
gateway's (receipt, dossier accepted), once; the rest is reported as
duplicates, amounts that differ and strangers."""

from __future__ import annotations

import time_machine

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, PaymentStatus
from dichvucong.payments.models import Payment, ReceiptSequence
from dichvucong.payments.receipts import receipt_pdf
from dichvucong.payments.tests.helpers import (
    MONDAY_MORNING,
    awaiting_payment,
    page,
    pdf_text,
    statement_csv,
    statement_xlsx,
    upload_statement,
)


def pending_transfer(cast, dossier) -> Payment:
    """What the fee page made when the applicant opened it."""
    transfer = services.start_bank_transfer(dossier, cast.applicant)
    return Payment.objects.get(txn_ref=transfer.reference)


def test_a_matching_line_pays_the_fee_once_with_a_receipt(cast, client, dossier, bank_account):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        payment = pending_transfer(cast, dossier)
        login_verified(client, cast.receptionist_a)
        line = ["16/03/2026 09:05", "24.000", f"MBVCB.1234.NGUYEN VAN BINH CK {payment.txn_ref}"]
        response = upload_statement(client, statement_csv([[*line, "FT26075000123"]]))

        assert response.status_code == 200
        shown = page(response)
        assert "Khớp và đã ghi nhận thanh toán: 1" in shown and "BL-2026-000001" in shown
        payment.refresh_from_db()
        assert payment.status == PaymentStatus.PAID and payment.receipt_number == "BL-2026-000001"
        assert payment.bank_transaction_id == "FT26075000123"
        assert payment.recorded_by is None  # an electronic receipt, not a cash one
        dossier.refresh_from_db()
        assert dossier.status == Status.ACCEPTED and dossier.due_date is not None
        event = dossier.events.order_by("-seq").first()
        assert event.actor == cast.receptionist_a
        assert "bằng chuyển khoản ngân hàng, biên lai số BL-2026-000001" in event.reason
        assert "Chuyển khoản ngân hàng (VietQR), mã giao dịch FT26075000123" in pdf_text(
            receipt_pdf(payment)
        )


def test_one_statement_with_a_match_duplicates_a_wrong_amount_and_a_stranger(
    cast, client, dossier, bank_account
):
    paid = pending_transfer(cast, dossier)
    short = pending_transfer(cast, awaiting_payment(cast))
    login_verified(client, cast.receptionist_a)
    rows = [
        ["16/03/2026", 24000, f"CK {paid.txn_ref}", "FT1"],
        ["16/03/2026", 24000, f"CK {paid.txn_ref}", "FT1"],  # the bank listed it twice
        ["16/03/2026", 24000, f"chuyen lai {paid.txn_ref}", "FT2"],  # paid a second time
        ["16/03/2026", 20000, f"CK {short.txn_ref}", "FT3"],
        ["16/03/2026", 50000, "Tra tien dien thang 3", "FT4"],
        ["16/03/2026", None, "Phi quan ly tai khoan", "FT5"],  # a debit: not read
    ]
    shown = page(upload_statement(client, statement_xlsx(rows), "sao-ke.xlsx"))

    assert "Đã đọc 5 khoản tiền vào." in shown
    assert "Khớp và đã ghi nhận thanh toán: 1" in shown
    assert "Trùng lặp, không ghi nhận lại: 2" in shown
    assert "giao dịch này đã được nhập trước đó (biên lai số BL-" in shown
    assert "khoản phí này đã được thanh toán (biên lai số BL-" in shown
    assert "Số tiền không khớp: 1" in shown and "phải nộp 24.000 đ" in shown
    assert "Không tìm thấy mã thanh toán: 1" in shown and "Tra tien dien thang 3" in shown
    assert Payment.objects.filter(status=PaymentStatus.PAID).get() == paid
    short.refresh_from_db()
    assert short.status == PaymentStatus.PENDING and short.dossier.status == Status.AWAITING_PAYMENT


def test_importing_the_same_statement_again_marks_nothing_and_says_so(
    cast, client, dossier, bank_account
):
    payment = pending_transfer(cast, dossier)
    login_verified(client, cast.receptionist_a)
    data = statement_csv([["16/03/2026", "24,000", payment.txn_ref, "FT26075000123"]])
    upload_statement(client, data)
    events = dossier.events.count()

    shown = page(upload_statement(client, data))

    assert "Khớp và đã ghi nhận thanh toán: 0" in shown
    assert "Trùng lặp, không ghi nhận lại: 1" in shown
    assert "giao dịch này đã được nhập trước đó" in shown
    assert ReceiptSequence.objects.get().last == 1
    assert dossier.events.count() == events


def test_the_reference_is_found_when_the_bank_cuts_or_lowers_it(
    cast, client, dossier, bank_account
):
    payment = pending_transfer(cast, dossier)
    cut = f"IBFT {payment.txn_ref[:7].lower()} {payment.txn_ref[7:]}.nop phi"
    login_verified(client, cast.receptionist_a)
    upload_statement(client, statement_csv([["2026-03-16", "24000", cut, "5213-99"]]))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


def test_a_transfer_after_a_counter_payment_is_kept_and_flagged_for_refund(
    cast, client, dossier, bank_account
):
    payment = pending_transfer(cast, dossier)
    services.record_counter_payment(dossier, cast.receptionist_a)
    login_verified(client, cast.receptionist_a)
    shown = page(
        upload_statement(client, statement_csv([["16/03/2026", "24000", payment.txn_ref, "FT9"]]))
    )
    assert "hồ sơ đã nộp phí trước đó: cần hoàn trả một khoản" in shown
    assert Payment.objects.filter(dossier=dossier, status=PaymentStatus.PAID).count() == 2
    assert set(Payment.objects.values_list("gateway", flat=True)) == {
        GatewayName.COUNTER,
        GatewayName.BANK,
    }
